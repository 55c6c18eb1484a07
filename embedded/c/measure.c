/* The figures, as the Rust updater takes them (updater/src/measure.rs): SysTick on the core
   clock counts instructions under qemu -icount shift=0 (1 ns an instruction; 40 or 50 a
   tick, board.h), the stack is painted and read back, and the arena counts the peak of the bytes the
   library asked for (its own 8-byte headers are this allocator's cost, not the library's).
   The arena is also the firmware's allocator behind sigverify_platform_alloc/free. */
#include "board.h"
#include "firmware.h"
#include "sigverify.h"

#define SYST_CSR (*(volatile uint32_t *)0xE000E010)
#define SYST_RVR (*(volatile uint32_t *)0xE000E014)
#define SYST_CVR (*(volatile uint32_t *)0xE000E018)
#define PAINT 0xCCCCCCCCu
#define HEAP_BYTES (64u * 1024u)

static volatile uint32_t wraps;

void systick_handler(void) { wraps++; }

void clock_start(void) {
  SYST_RVR = 0x00FFFFFF;
  SYST_CVR = 0;
  SYST_CSR = 0x7; /* enable, interrupt, core clock */
}

uint64_t clock_instructions(void) {
  for (;;) {
    uint32_t before = wraps, current = SYST_CVR;
    if (wraps == before)
      return ((uint64_t)before * 0x01000000u + (0x00FFFFFFu - current)) * INSNS_PER_TICK;
  }
}

extern uint32_t _stack_end, _stack_start;

void stack_paint(void) {
  uint32_t *p = &_stack_end;
  uint32_t *sp;
  __asm__ volatile("mov %0, sp" : "=r"(sp));
  while (p + 64 < sp) *p++ = PAINT;
}

size_t stack_peak(void) {
  const uint32_t *p = &_stack_end;
  while (p < &_stack_start && *p == PAINT) p++;
  return (size_t)((const char *)&_stack_start - (const char *)p);
}

void put_str(const char *s) { sh_write(s); }

void put_u64(uint64_t n) {
  char buf[24];
  int i = 23;
  buf[i] = 0;
  do {
    buf[--i] = (char)('0' + n % 10);
    n /= 10;
  } while (n != 0 && i > 0);
  sh_write(&buf[i]);
}

/* A first-fit arena with an address-ordered free list that merges neighbours: a stand-in for
   an RTOS heap. Every block is 8-aligned and carries its size in an 8-byte header. */
struct free_block {
  size_t size; /* including the header */
  struct free_block *next;
};

static union {
  uint64_t align;
  unsigned char bytes[HEAP_BYTES];
} arena;
static struct free_block *free_list;
static int arena_ready;
static size_t used, peak;

size_t heap_used(void) { return used; }
size_t heap_peak(void) { return peak; }
void heap_reset_peak(void) { peak = used; }

void *sigverify_platform_alloc(size_t size, size_t align) {
  struct free_block **link, *b;
  size_t need = (size + 8 + 7) & ~(size_t)7;
  if (!arena_ready) {
    free_list = (struct free_block *)arena.bytes;
    free_list->size = HEAP_BYTES;
    free_list->next = NULL;
    arena_ready = 1;
  }
  if (align > 8 || size > HEAP_BYTES) return NULL;
  for (link = &free_list; (b = *link) != NULL; link = &b->next) {
    if (b->size < need) continue;
    if (b->size - need >= 16) { /* split: the tail stays free */
      struct free_block *rest = (struct free_block *)((unsigned char *)b + need);
      rest->size = b->size - need;
      rest->next = b->next;
      *link = rest;
      b->size = need;
    } else {
      *link = b->next;
    }
    used += size;
    if (used > peak) peak = used;
    return (unsigned char *)b + 8;
  }
  return NULL;
}

void sigverify_platform_free(void *ptr, size_t size, size_t align) {
  struct free_block *b = (struct free_block *)((unsigned char *)ptr - 8), **link = &free_list;
  (void)align;
  used -= size;
  while (*link != NULL && *link < b) link = &(*link)->next;
  b->next = *link;
  *link = b;
  if (b->next != NULL && (unsigned char *)b + b->size == (unsigned char *)b->next) {
    b->size += b->next->size;
    b->next = b->next->next;
  }
  if (link != &free_list) { /* merge with the block before, found again from the head */
    struct free_block *prev = free_list;
    while (prev->next != b) prev = prev->next;
    if ((unsigned char *)prev + prev->size == (unsigned char *)b) {
      prev->size += b->size;
      prev->next = b->next;
    }
  }
}

void sigverify_platform_abort(void) {
  sh_write("abort: sigverify panicked or ran out of memory\n");
  sh_exit(4);
}
