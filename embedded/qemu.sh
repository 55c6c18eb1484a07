# Shared by run.sh and figures.sh (sourced): the firmware images and how QEMU runs one.
# shellcheck shell=bash
# The reduced builds, Rust and C, which the budgets are for.
FIRMWARE=(target/thumbv7em-none-eabihf/release/updater target/firmware-c/updater-c)
# The Rust updater's full build (every algorithm, TUF root updates).
FULL=target/full/thumbv7em-none-eabihf/release/updater

firmware_name() { case $1 in *updater-c) echo C ;; */full/*) echo Full ;; *) echo Rust ;; esac; }

# run_qemu ELF PACKAGE [extra qemu args...]: runs the firmware with the package staged at
# 0x00200000 and the RTC register (0x203FFFF8) holding $RTC (Unix seconds, default
# 2026-08-22T00:00:00Z, when the TUF metadata in ../shared is current); prints its semihosting
# output; exits with the firmware's status. QEMU runs in target/flash, where the firmware's
# semihosting writes of its persist sector land (persist.bin).
# -icount shift=0: one instruction = 1 ns of virtual time, which the firmware's SysTick counts.
# The semihosting console goes to a file chardev: without one QEMU writes it to the
# controlling terminal, which a command substitution does not capture.
run_qemu() {
  local console rc=0 elf pkg
  console=$(mktemp)
  elf=$(realpath "$1")
  pkg=$(realpath "$2")
  mkdir -p target/flash
  (cd target/flash && timeout 120 qemu-system-arm -machine mps2-an386 -cpu cortex-m4 -display none -monitor none \
    -serial none -chardev file,id=semihost,path="$console" \
    -semihosting-config enable=on,target=native,chardev=semihost -icount shift=0 \
    -kernel "$elf" -device loader,file="$pkg",addr=0x00200000 \
    -device loader,addr=0x203FFFF8,data="${RTC:-1787356800}",data-len=8 "${@:3}") || rc=$?
  cat "$console"
  rm -f "$console"
  return "$rc"
}
