//! WebAssembly binding of sigverify (work in progress).
