//go:build amd64 && !purego

#include "textflag.h"

// Tables of packPlainAVX2, each 16 bytes repeated for the two 128-bit lanes
// (VPSHUFB looks up within a lane).

// plainLo: for each low nibble, a bit for each high nibble 0..7 with which
// it makes a plain byte (0x20..0x3F but 0x24, 0x41..0x5A, 0x61..0x7A).
DATA plainLo<>+0(SB)/8, $0xFCFCFCF8FCFCFCAC
DATA plainLo<>+8(SB)/8, $0x5C5C5C5C5CFCFCFC
DATA plainLo<>+16(SB)/8, $0xFCFCFCF8FCFCFCAC
DATA plainLo<>+24(SB)/8, $0x5C5C5C5C5CFCFCFC
GLOBL plainLo<>(SB), RODATA|NOPTR, $32

// plainHi: the bit of each high nibble 0..7; none for 8..F.
DATA plainHi<>+0(SB)/8, $0x8040201008040201
DATA plainHi<>+8(SB)/8, $0x0000000000000000
DATA plainHi<>+16(SB)/8, $0x8040201008040201
DATA plainHi<>+24(SB)/8, $0x0000000000000000
GLOBL plainHi<>(SB), RODATA|NOPTR, $32

DATA nibble<>+0(SB)/8, $0x0F0F0F0F0F0F0F0F
DATA nibble<>+8(SB)/8, $0x0F0F0F0F0F0F0F0F
DATA nibble<>+16(SB)/8, $0x0F0F0F0F0F0F0F0F
DATA nibble<>+24(SB)/8, $0x0F0F0F0F0F0F0F0F
GLOBL nibble<>(SB), RODATA|NOPTR, $32

// join7: bytes 1, 128: two septets to 14 bits.
DATA join7<>+0(SB)/8, $0x8001800180018001
DATA join7<>+8(SB)/8, $0x8001800180018001
DATA join7<>+16(SB)/8, $0x8001800180018001
DATA join7<>+24(SB)/8, $0x8001800180018001
GLOBL join7<>(SB), RODATA|NOPTR, $32

// join14: 16-bit words 1, 1<<14: two 14-bit halves to 28 bits.
DATA join14<>+0(SB)/8, $0x4000000140000001
DATA join14<>+8(SB)/8, $0x4000000140000001
DATA join14<>+16(SB)/8, $0x4000000140000001
DATA join14<>+24(SB)/8, $0x4000000140000001
GLOBL join14<>(SB), RODATA|NOPTR, $32

// join28: 32-bit shift counts 4, 0: the low 28 bits of a 64-bit lane move
// up to meet the high ones, and the lane is then shifted down by 4.
DATA join28<>+0(SB)/8, $0x0000000000000004
DATA join28<>+8(SB)/8, $0x0000000000000004
DATA join28<>+16(SB)/8, $0x0000000000000004
DATA join28<>+24(SB)/8, $0x0000000000000004
GLOBL join28<>(SB), RODATA|NOPTR, $32

// squeeze: the 7 octets of each 64-bit lane of a 128-bit lane side by side
// (14 octets), two zero octets after them.
DATA squeeze<>+0(SB)/8, $0x0806050403020100
DATA squeeze<>+8(SB)/8, $0x80800E0D0C0B0A09
DATA squeeze<>+16(SB)/8, $0x0806050403020100
DATA squeeze<>+24(SB)/8, $0x80800E0D0C0B0A09
GLOBL squeeze<>(SB), RODATA|NOPTR, $32

// PLAIN sets the bytes of BAD to 0xFF where the bytes of SRC are not plain
// and to 0 where they are; T is scratch. Y8..Y10 and Y15 hold plainLo,
// plainHi, nibble and zero (X8.. for the 128-bit form).
#define PLAIN(SRC, BAD, T, LO, HI, NIB, ZERO) \
	VPAND NIB, SRC, BAD \
	VPSRLW $4, SRC, T \
	VPAND NIB, T, T \
	VPSHUFB BAD, LO, BAD \
	VPSHUFB T, HI, T \
	VPAND T, BAD, BAD \
	VPCMPEQB ZERO, BAD, BAD

// PACK packs each 64-bit lane of SRC (8 septets, one a byte, all below
// 0x80) into the low 56 bits of the lane of DST.
#define PACK(SRC, DST, J7, J14, J28) \
	VPMADDUBSW SRC, J7, DST \
	VPMADDWD J14, DST, DST \
	VPSLLVD J28, DST, DST \
	VPSRLQ $4, DST, DST

// func packPlainAVX2(dst, src *byte, words int) int
//
// It packs the plain words (8 bytes) of src, up to words of them, into dst,
// 7 octets a word, and returns the number of words it packed: it stops at
// the first word that holds a byte that is not plain. It reads
// src[:8*words] and writes dst[:7*words+2] at most.
TEXT ·packPlainAVX2(SB), NOSPLIT, $0-32
	MOVQ dst+0(FP), DI
	MOVQ src+8(FP), SI
	MOVQ words+16(FP), CX
	XORQ AX, AX // words packed
	XORQ DX, DX // their octets
	VMOVDQU plainLo<>(SB), Y8
	VMOVDQU plainHi<>(SB), Y9
	VMOVDQU nibble<>(SB), Y10
	VMOVDQU join7<>(SB), Y11
	VMOVDQU join14<>(SB), Y12
	VMOVDQU join28<>(SB), Y13
	VMOVDQU squeeze<>(SB), Y14
	VPXOR Y15, Y15, Y15
	MOVQ CX, BX
	SUBQ $4, BX // the last word a block of four may start at
	JL words

blocks:
	CMPQ AX, BX
	JG last
	VMOVDQU (SI)(AX*8), Y0
	PLAIN(Y0, Y2, Y3, Y8, Y9, Y10, Y15)
	VPTEST Y2, Y2
	JNZ words
	PACK(Y0, Y1, Y11, Y12, Y13)
	VPSHUFB Y14, Y1, Y1
	VMOVDQU X1, (DI)(DX*1)
	VEXTRACTI128 $1, Y1, 14(DI)(DX*1)
	ADDQ $4, AX
	ADDQ $28, DX
	JMP blocks

last:
	// One to three words left, and at least four in all: the last four
	// words, the ones already packed again among them.
	CMPQ AX, CX
	JEQ done
	VMOVDQU (SI)(BX*8), Y0
	PLAIN(Y0, Y2, Y3, Y8, Y9, Y10, Y15)
	VPTEST Y2, Y2
	JNZ words
	PACK(Y0, Y1, Y11, Y12, Y13)
	VPSHUFB Y14, Y1, Y1
	LEAQ (BX)(BX*2), R8
	LEAQ (BX)(R8*2), R8 // 7 BX
	VMOVDQU X1, (DI)(R8*1)
	VEXTRACTI128 $1, Y1, 14(DI)(R8*1)
	MOVQ CX, AX
	JMP done

words:
	// One word at a time, up to the first that is not plain.
	CMPQ AX, CX
	JGE done
	VMOVQ (SI)(AX*8), X0
	PLAIN(X0, X2, X3, X8, X9, X10, X15)
	VPMOVMSKB X2, R8
	TESTL $0xFF, R8
	JNZ done
	PACK(X0, X1, X11, X12, X13)
	VMOVQ X1, (DI)(DX*1)
	INCQ AX
	ADDQ $7, DX
	JMP words

done:
	VZEROUPPER
	MOVQ AX, ret+24(FP)
	RET

// func cpuid(leaf, sub uint32) (a, b, c, d uint32)
TEXT ·cpuid(SB), NOSPLIT, $0-24
	MOVL leaf+0(FP), AX
	MOVL sub+4(FP), CX
	CPUID
	MOVL AX, a+8(FP)
	MOVL BX, b+12(FP)
	MOVL CX, c+16(FP)
	MOVL DX, d+20(FP)
	RET

// func xgetbv0() (a, d uint32)
TEXT ·xgetbv0(SB), NOSPLIT, $0-8
	MOVL $0, CX
	XGETBV
	MOVL AX, a+0(FP)
	MOVL DX, d+4(FP)
	RET
