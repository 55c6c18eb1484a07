//! Hashing a large artifact at the hash function's own speed: a second thread reads the next
//! chunk while this one hashes the last, so the copy out of the page cache (or the wait on the
//! disk) overlaps the hashing instead of adding to it. With SHA-512 that copy is about a tenth
//! of the time a file takes (`scripts/hash-speed`).

use std::io;
use std::io::Read;
use std::sync::mpsc;
use std::thread;

use sigverify::Digest;
use sigverify::HashAlgorithm;
use sigverify::digest::Hasher;

/// How much one read asks for; the memory held is this times [`BUFFERS`].
const CHUNK: usize = 1 << 20;
/// Buffers in use at once: one being hashed, one being read, one waiting.
const BUFFERS: usize = 3;

/// The `alg` digest of everything `reader` yields.
pub(crate) fn digest_reader(reader: impl Read + Send, alg: HashAlgorithm) -> io::Result<Digest> {
    thread::scope(|scope| {
        // Filled buffers go to the hasher with their length (0 at the end); hashed ones come back.
        let (filled, to_hash) = mpsc::sync_channel::<io::Result<(Vec<u8>, usize)>>(BUFFERS);
        let (emptied, to_fill) = mpsc::channel::<Vec<u8>>();
        for _ in 0..BUFFERS {
            emptied
                .send(vec![0; CHUNK])
                .map_err(|_| io::Error::other("hashing stopped"))?;
        }
        scope.spawn(move || {
            let mut reader = reader;
            // Ends when the hasher has gone (it stopped or finished) or at the end of the input.
            while let Ok(mut buf) = to_fill.recv() {
                let read = read_retrying(&mut reader, &mut buf).map(|n| (buf, n));
                let last = !matches!(read, Ok((_, n)) if n > 0);
                if filled.send(read).is_err() || last {
                    return;
                }
            }
        });
        let mut hasher = Hasher::new(alg);
        loop {
            let (buf, n) = to_hash
                .recv()
                .map_err(|_| io::Error::other("the reading thread stopped"))??;
            if n == 0 {
                return Ok(hasher.finalize());
            }
            hasher.update(buf.get(..n).unwrap_or_default());
            // The reader may have finished already; then the buffer is simply dropped.
            let _ = emptied.send(buf);
        }
    })
}

/// One read, retried when interrupted by a signal.
fn read_retrying(reader: &mut impl Read, buf: &mut [u8]) -> io::Result<usize> {
    loop {
        match reader.read(buf) {
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            other => return other,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Yields `data` a few bytes at a time, then an error when `fail` is set.
    struct Trickle<'a> {
        data: &'a [u8],
        fail: bool,
    }

    impl Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            if self.data.is_empty() && self.fail {
                return Err(io::Error::other("disk on fire"));
            }
            let n = self.data.len().min(buf.len()).min(7_777);
            buf[..n].copy_from_slice(&self.data[..n]);
            self.data = &self.data[n..];
            Ok(n)
        }
    }

    #[test]
    fn digests_equal_the_core_s_over_many_chunks_and_none() {
        let data: Vec<u8> = (0..3 * CHUNK + 12_345).map(|i| (i % 251) as u8).collect();
        for alg in HashAlgorithm::ALL {
            for input in [&data[..], &data[..CHUNK], &[][..]] {
                let streamed = digest_reader(input, alg).unwrap();
                assert_eq!(
                    streamed,
                    Digest::of(alg, input),
                    "{alg:?}, {} bytes",
                    input.len()
                );
                let trickled = Trickle {
                    data: input,
                    fail: false,
                };
                assert_eq!(digest_reader(trickled, alg).unwrap(), streamed);
            }
        }
    }

    #[test]
    fn a_read_error_is_the_result() {
        let data = vec![1u8; 2 * CHUNK];
        let failing = Trickle {
            data: &data,
            fail: true,
        };
        let err = digest_reader(failing, HashAlgorithm::Sha512).unwrap_err();
        assert_eq!(err.to_string(), "disk on fire");
    }
}
