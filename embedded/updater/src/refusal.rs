//! Why an update is refused: the package, the device's configuration, its flash, or a check of
//! the core (by its stable code).

use crate::package::PackageError;

/// Why an update is refused.
pub enum Refusal {
    Package(PackageError),
    Signer,
    Clock,
    /// A flash or counter write did not complete (the persist sector, the install slot).
    Flash,
    /// The installed image is older than the anti-rollback counter: the slot was rolled back.
    InstalledBelowCounter {
        version: u32,
        counter: u32,
    },
    /// Nothing staged and nothing installed.
    NothingToBoot,
    /// The install slot holds a package of a stand-in signer, which is never installed.
    InstalledNotProduct,
    #[cfg(not(feature = "root-update"))]
    RootUpdateNotBuilt,
    Core(sigverify::Error),
}

impl From<sigverify::Error> for Refusal {
    fn from(e: sigverify::Error) -> Self {
        Self::Core(e)
    }
}

impl From<crate::platform::FlashError> for Refusal {
    fn from(_: crate::platform::FlashError) -> Self {
        Self::Flash
    }
}
