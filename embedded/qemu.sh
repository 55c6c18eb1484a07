# Shared by run.sh and figures.sh (sourced): the firmware images and how QEMU runs one.
# shellcheck shell=bash
# The reduced builds, Rust and C, on mps2-an386 (Cortex-M4F) and mps2-an505 (Cortex-M33),
# which the budgets are for.
FIRMWARE=(target/images/updater target/firmware-c/updater-c
  target/images/updater-m33 target/firmware-c/updater-c-m33)
# The Rust updater's full build (every algorithm, TUF root updates), on each board.
FULL=(target/images/updater-full target/images/updater-full-m33)
# The C updater with TUF root updates (the reduced library's algorithms), on each board.
C_TUF=(target/firmware-c/updater-c-tuf target/firmware-c/updater-c-tuf-m33)

firmware_name() {
  case $1 in
    *updater-c-tuf-m33) echo C+TUF/M33 ;; *updater-c-tuf) echo C+TUF ;;
    *updater-c-m33) echo C/M33 ;; *updater-c) echo C ;;
    *updater-full-m33) echo Full/M33 ;; *updater-full) echo Full ;;
    *updater-m33) echo Rust/M33 ;; *) echo Rust ;;
  esac
}

# The board a firmware image is for, and where its memory lies (updater/src/board.rs,
# c/board.h): the code SSRAM's base (the staged package, persist sector, install slot and
# counter are at fixed offsets from it) and the top of RAM (the RTC and the power-cut register
# just below it).
is_m33() { [[ $1 == *m33* ]]; }
machine() { if is_m33 "$1"; then echo "-machine mps2-an505 -cpu cortex-m33"; else echo "-machine mps2-an386 -cpu cortex-m4"; fi; }
code_at() { printf '0x%08X' $(( $(is_m33 "$1" && echo 0x10000000 || echo 0) + $2 )); }
ram_at() { printf '0x%08X' $(( $(is_m33 "$1" && echo 0x38400000 || echo 0x20400000) - $2 )); }
# persist_sector ELF FILE: the QEMU argument that loads FILE into the persist sector.
persist_sector() { printf -- '-device loader,file=%s,addr=%s' "$(realpath "$2")" "$(code_at "$1" 0x300000)"; }

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

# flash_state ELF: the QEMU arguments that load the install slot and the anti-rollback counter
# back at their addresses (target/flash/install.bin at the code base + 0x340000, counter.bin at
# + 0x3C0000), as flash keeps them across a reset; nothing for a region never written.
flash_state() { # ELF
  [ ! -f target/flash/install.bin ] || printf -- '-device loader,file=%s/target/flash/install.bin,addr=%s ' "$PWD" "$(code_at "$1" 0x340000)"
  [ ! -f target/flash/counter.bin ] || printf -- '-device loader,file=%s/target/flash/counter.bin,addr=%s ' "$PWD" "$(code_at "$1" 0x3C0000)"
}

# run_qemu ELF PACKAGE [extra qemu args...]: runs the firmware on its board with the package
# staged at the code base + 0x200000 and the RTC register (top of RAM - 8) holding $RTC (Unix seconds, default
# 2026-08-22T00:00:00Z, when the TUF metadata in ../shared is current) and the power-cut test
# register (top of RAM - 16) holding $POWER_CUT (1: power fails after the install slot is written,
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
  # shellcheck disable=SC2046 # machine is a list of QEMU arguments
  (cd target/flash && timeout 120 qemu-system-arm $(machine "$elf") -display none -monitor none \
    -serial none -chardev file,id=semihost,path="$console" \
    -semihosting-config enable=on,target=native,chardev=semihost -icount shift=0 \
    -kernel "$elf" -device loader,file="$pkg",addr="$(code_at "$elf" 0x200000)" \
    -device loader,addr="$(ram_at "$elf" 8)",data="${RTC:-1787356800}",data-len=8 \
    -device loader,addr="$(ram_at "$elf" 16)",data="${POWER_CUT:-0}",data-len=4 "${@:3}") >"$stdout" || rc=$?
  # Some QEMU builds write the semihosting console to stdout after all: take both.
  cat "$stdout" "$console" | name_codes
  rm -f "$console" "$stdout"
  return "$rc"
}
