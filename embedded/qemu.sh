# Shared by run.sh and figures.sh (sourced): the firmware images and how QEMU runs one.
# shellcheck shell=bash
# The reduced builds, Rust and C, which the budgets are for.
FIRMWARE=(target/thumbv7em-none-eabihf/release/updater target/firmware-c/updater-c)
# The Rust updater's full build (every algorithm, TUF root updates).
FULL=target/full/thumbv7em-none-eabihf/release/updater
# The C updater with TUF root updates (the reduced library's algorithms).
C_TUF=target/firmware-c/updater-c-tuf

firmware_name() { case $1 in *updater-c) echo C ;; *updater-c-tuf) echo C+TUF ;; */full/*) echo Full ;; *) echo Rust ;; esac; }

# The core's error names by code, from the C header (generated from the same core table): the
# Rust updater prints a refusal's code alone (the names are 5.8 KB of its flash), and
# name_codes appends the name, so that every updater's output reads the same.
CODES_HEADER=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/../bindings-c/include/sigverify.h
name_codes() {
  awk -v header="$CODES_HEADER" '
    BEGIN { while ((getline l < header) > 0) if (l ~ /^#define SIGVERIFY_[A-Z0-9_]+ [0-9]+$/) { split(l, f, " "); sub(/^SIGVERIFY_/, "", f[2]); name[f[3]] = f[2] } }
    /^refused: [0-9]+$/ { print $0 " " name[$2]; next }
    { print }'
}

# flash_state: the QEMU arguments that load the install slot and the anti-rollback counter
# back at their addresses (target/flash/install.bin at 0x00340000, counter.bin at
# 0x003C0000), as flash keeps them across a reset; nothing for a region never written.
flash_state() {
  [ ! -f target/flash/install.bin ] || printf -- '-device loader,file=%s/target/flash/install.bin,addr=0x00340000 ' "$PWD"
  [ ! -f target/flash/counter.bin ] || printf -- '-device loader,file=%s/target/flash/counter.bin,addr=0x003C0000 ' "$PWD"
}

# run_qemu ELF PACKAGE [extra qemu args...]: runs the firmware with the package staged at
# 0x00200000 and the RTC register (0x203FFFF8) holding $RTC (Unix seconds, default
# 2026-08-22T00:00:00Z, when the TUF metadata in ../shared is current) and the power-cut test
# register (0x203FFFF0) holding $POWER_CUT (1: power fails after the install slot is written,
# before the counter advances; default 0); prints its semihosting
# output; exits with the firmware's status. QEMU runs in target/flash, where the firmware's
# semihosting writes of its persist sector land (persist.bin).
# -icount shift=0: one instruction = 1 ns of virtual time, which the firmware's SysTick counts.
# The semihosting console goes to a file chardev: without one QEMU writes it to the
# controlling terminal, which a command substitution does not capture.
run_qemu() {
  local console stdout rc=0 elf pkg
  console=$(mktemp)
  stdout=$(mktemp)
  elf=$(realpath "$1")
  pkg=$(realpath "$2")
  mkdir -p target/flash
  (cd target/flash && timeout 120 qemu-system-arm -machine mps2-an386 -cpu cortex-m4 -display none -monitor none \
    -serial none -chardev file,id=semihost,path="$console" \
    -semihosting-config enable=on,target=native,chardev=semihost -icount shift=0 \
    -kernel "$elf" -device loader,file="$pkg",addr=0x00200000 \
    -device loader,addr=0x203FFFF8,data="${RTC:-1787356800}",data-len=8 \
    -device loader,addr=0x203FFFF0,data="${POWER_CUT:-0}",data-len=4 "${@:3}") >"$stdout" || rc=$?
  # Some QEMU builds write the semihosting console to stdout after all: take both.
  cat "$stdout" "$console" | name_codes
  rm -f "$console" "$stdout"
  return "$rc"
}
