//! C API of sigverify (work in progress).
