/* Reset and exceptions for the C updater: the vector table, .data/.bss set-up, and the
   semihosting calls it prints and exits with (Arm semihosting: BKPT 0xAB, op in r0, argument
   in r1). No C library is linked: the firmware has only these and libsigverify.a. */
#include <stddef.h>
#include <stdint.h>

#include "firmware.h"

extern uint32_t _data_load, _data_start, _data_end, _bss_start, _bss_end, _stack_start;
int main(void);

static uintptr_t semihost(uintptr_t op, const void *arg) {
  register uintptr_t r0 __asm__("r0") = op;
  register const void *r1 __asm__("r1") = arg;
  __asm__ volatile("bkpt 0xAB" : "+r"(r0) : "r"(r1) : "memory");
  return r0;
}

void sh_write(const char *s) { semihost(0x04, s); /* SYS_WRITE0 */ }

/* A host file opened for writing (SYS_OPEN "wb"): on QEMU, how flash is programmed; run.sh
   loads the file back at the region's address on the next boot. Each returns 0 on success. */
int sh_file_open_write(struct sh_file *f, const char *path, size_t path_len) {
  uintptr_t open[3] = {(uintptr_t)path, 5 /* "wb" */, path_len};
  f->handle = semihost(0x01, open);
  return f->handle == (uintptr_t)-1 ? -1 : 0;
}

int sh_file_write(struct sh_file *f, const void *data, size_t len) {
  uintptr_t write[3] = {f->handle, (uintptr_t)data, len};
  return len == 0 || semihost(0x05, write) == 0 ? 0 : -1; /* SYS_WRITE: the count not written */
}

int sh_file_close(struct sh_file *f) {
  uintptr_t close[1] = {f->handle};
  return semihost(0x02, close) == 0 ? 0 : -1;
}

/* Programs a flash region in one write. */
int sh_write_file(const char *path, size_t path_len, const void *data, size_t len) {
  struct sh_file f;
  int rc;
  if (sh_file_open_write(&f, path, path_len) != 0) return -1;
  rc = sh_file_write(&f, data, len);
  return sh_file_close(&f) == 0 ? rc : -1;
}

/* Reads a programmed region back (the host file) into buf in chunks, calling chunk_fn on each:
   how the updater checks what it wrote. 0 on success. */
int sh_read_file(const char *path, size_t path_len, void (*chunk_fn)(void *, const uint8_t *, size_t),
                 void *context) {
  uintptr_t open[3] = {(uintptr_t)path, 1 /* "rb" */, path_len};
  uintptr_t handle = semihost(0x01, open);
  uintptr_t read[3], close[1];
  uint8_t buf[256];
  if (handle == (uintptr_t)-1) return -1;
  for (;;) {
    uintptr_t left;
    read[0] = handle;
    read[1] = (uintptr_t)buf;
    read[2] = sizeof buf;
    left = semihost(0x06, read); /* SYS_READ: the count not read */
    if (left > sizeof buf) break;
    chunk_fn(context, buf, sizeof buf - left);
    if (left != 0) break;
  }
  close[0] = handle;
  semihost(0x02, close);
  return 0;
}

void sh_exit(int code) {
  /* SYS_EXIT with ADP_Stopped_ApplicationExit (0x20026) and a status: SYS_EXIT_EXTENDED. */
  uintptr_t block[2] = {0x20026, (uintptr_t)code};
  semihost(0x20, block);
  for (;;) __asm__ volatile("wfi");
}

void reset_handler(void) {
  uint32_t *src = &_data_load, *dst = &_data_start;
  while (dst < &_data_end) *dst++ = *src++;
  for (dst = &_bss_start; dst < &_bss_end;) *dst++ = 0;
  /* The FPU: the library is built for the hard-float ABI. CPACR full access to CP10/CP11. */
  *(volatile uint32_t *)0xE000ED88 |= 0xFu << 20;
  __asm__ volatile("dsb\n isb");
  sh_exit(main());
}

static void fault(void) {
  sh_write("fault: hard fault\n");
  sh_exit(3);
}

__attribute__((section(".vectors"), used)) static const void *const vectors[16] = {
    &_stack_start, (void *)reset_handler, (void *)fault, (void *)fault,
    (void *)fault, (void *)fault, (void *)fault, 0, 0, 0, 0,
    (void *)fault, (void *)fault, 0, (void *)fault, (void *)systick_handler,
};
