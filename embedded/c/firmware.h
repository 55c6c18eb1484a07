/* The C updater's own pieces: semihosting output, the instruction clock, the stack paint and
   the arena the library allocates from (measure.c, startup.c). */
#ifndef UPDATER_FIRMWARE_H
#define UPDATER_FIRMWARE_H

#include <stddef.h>
#include <stdint.h>

/* A little-endian u32 of the package or the persist sector. */
static inline uint32_t le32(const unsigned char *p) {
  return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

void sh_write(const char *s);
void sh_exit(int code);
struct sh_file {
  uintptr_t handle;
};
int sh_file_open_write(struct sh_file *f, const char *path, size_t path_len);
int sh_file_write(struct sh_file *f, const void *data, size_t len);
int sh_file_close(struct sh_file *f);
int sh_write_file(const char *path, size_t path_len, const void *data, size_t len);
int sh_read_file(const char *path, size_t path_len, void (*chunk_fn)(void *, const uint8_t *, size_t),
                 void *context);

void put_str(const char *s);
void put_u64(uint64_t n);

void systick_handler(void);
void clock_start(void);
uint64_t clock_instructions(void);

void stack_paint(void);
size_t stack_peak(void);

size_t heap_used(void);
size_t heap_peak(void);
void heap_reset_peak(void);

#endif
