//! Python binding of sigverify (work in progress).
