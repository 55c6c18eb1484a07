#!/usr/bin/env bash
# Builds the firmware images of the updater example for thumbv7em-none-eabihf (Cortex-M4F), all
# at opt-level "s" with LTO:
#   target/images/updater[-m33]                     the Rust updater (embedded/updater), reduced:
#                                                   no RSA, no P-521, no root updates
#   target/images/updater-full[-m33]                the Rust updater's full build: every
#                                                   algorithm, TUF root updates (feature `full`)
#   target/firmware-c/updater-c                     the C updater (embedded/c) over the no_std
#                                                   libsigverify.a (bindings-c without std)
#   target/firmware-c/updater-c-tuf                 the C updater with TUF root updates (c/trust.c)
# Installs what it needs when missing: the Rust target, gcc-arm-none-eabi, qemu-system-arm.
set -euo pipefail
cd "$(dirname "$0")"
root=$(cd .. && pwd)
log() { printf '=== embedded build: %s\n' "$*"; }

rustup target list --installed | grep -qx thumbv7em-none-eabihf || rustup target add thumbv7em-none-eabihf
missing=()
command -v arm-none-eabi-gcc >/dev/null || missing+=(gcc-arm-none-eabi)
command -v qemu-system-arm >/dev/null || missing+=(qemu-system-arm)
if [ ${#missing[@]} -gt 0 ]; then
  log "installing ${missing[*]}"
  sudo=(); [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Panic locations name their source files; mapped to paths relative to the crate registry and
# the repository they are short (about 1.8 KB less flash) and do not depend on where either lies.
registry=$(ls -d "${CARGO_HOME:-$HOME/.cargo}"/registry/src/*/ 2>/dev/null | head -1 || true)
remap=(--remap-path-prefix="$root/=")
[ -z "$registry" ] || remap+=(--remap-path-prefix="$registry=")
# The same flags as .cargo/config.toml's (RUSTFLAGS replaces them), with the path maps.
rust_flags="-C link-arg=-Tlink.x --cfg sha2_backend_soft=\"compact\" ${remap[*]}"

log "Rust updater (embedded/updater): reduced, then full; Cortex-M4F, then Cortex-M33"
# One target directory for the four builds (their build scripts and macros are built once);
# each image is copied out under its own name, as the next build replaces the last.
rustup target list --installed | grep -qx thumbv8m.main-none-eabihf || rustup target add thumbv8m.main-none-eabihf
mkdir -p target/images
rust_image() { # NAME TARGET EXTRA-RUSTFLAGS FEATURES
  RUSTFLAGS="$rust_flags $3" cargo build --locked --release -q --target "$2" ${4:+--features "$4"}
  cp "target/$2/release/updater" "target/images/$1"
}
rust_image updater thumbv7em-none-eabihf "" ""
rust_image updater-full thumbv7em-none-eabihf "" full
# The second board (mps2-an505): ARMv8-M Mainline, tuned for the Cortex-M33 (its DSP multiplies
# keep the ECDSA arithmetic at the Cortex-M4F's instruction count).
rust_image updater-m33 thumbv8m.main-none-eabihf "-C target-cpu=cortex-m33" an505
rust_image updater-full-m33 thumbv8m.main-none-eabihf "-C target-cpu=cortex-m33" an505,full

log "no_std C library (bindings-c, features: ed25519, tsa) and the C updater (embedded/c)"
# Built in the main workspace, so it shares the workspace's lockfile; `firmware` is its
# opt-level "s" profile. `cargo rustc` asks for the static library alone (no cdylib on bare metal).
# The same compact SHA-2 rounds as the Rust updater (.cargo/config.toml).
for target in thumbv7em-none-eabihf thumbv8m.main-none-eabihf; do
  (cd "$root" && RUSTFLAGS="--cfg sha2_backend_soft=\"compact\" ${remap[*]}" cargo rustc --locked -q -p sigverify-c --target $target \
    --no-default-features --features ed25519,tsa --profile firmware --crate-type staticlib)
done
out=target/firmware-c
mkdir -p "$out"
# The managed keys the C updater trusts, as C string constants.
key_header() { sed -e 's/^/  "/' -e 's/$/\\n"/' -e "1s/^/static const char $1[] =\n/" -e '$s/$/;/' "$2"; }
key_header PUBLISH_KEY ../conformance/examples/go-npm-sigstore-1.3.0-publish-key/key.pub >"$out/publish_key.h"
key_header PRODUCT_KEY ../conformance/firmware-vectors/product-key.pub >"$out/product_key.h"
cc_firmware() { # OUTPUT [EXTRA SOURCES AND FLAGS...]
  local board=(-mcpu=cortex-m4 -mfpu=fpv4-sp-d16 -T c/link.ld) target=thumbv7em-none-eabihf
  if [[ $1 == *-m33 ]]; then
    board=(-mcpu=cortex-m33 -mfpu=fpv5-sp-d16 -DBOARD_AN505 -T c/link-an505.ld)
    target=thumbv8m.main-none-eabihf
  fi
  arm-none-eabi-gcc "${board[@]}" -mthumb -mfloat-abi=hard \
    -std=c99 -Os -Wall -Wextra -Werror -ffreestanding -ffunction-sections -fdata-sections \
    -I "$root/bindings-c/include" -I "$out" -nostdlib -Wl,--gc-sections -Wl,-z,noexecstack \
    c/startup.c c/measure.c c/platform.c c/main.c "${@:2}" \
    "$root/target/$target/firmware/libsigverify.a" -lgcc -o "$out/$1"
}
# The reduced C updater, and the same with TUF root updates (trust.c; the same library, whose
# TUF client the linker keeps only here), for each board.
for board in "" -m33; do
  cc_firmware "updater-c$board"
  cc_firmware "updater-c-tuf$board" -DROOT_UPDATE c/trust.c
done
log "done"
