// The methods of str (CPython's Objects/unicodeobject.c method table and the
// Objects/stringlib algorithms behind it).
//
// Text is UTF-8 (see str.h). Searching works on the bytes directly: a valid
// UTF-8 needle can only match a valid UTF-8 haystack at code point
// boundaries, so byte offsets are converted to code point offsets only where a
// result or an argument needs them. ASCII strings (bytes == code points) take
// fast paths throughout.
//
// Character properties: ASCII is handled by hand; beyond ASCII the simple case
// mappings and the cased/alpha classes come from <wctype.h> (the interpreter
// runs with LC_CTYPE = C.UTF-8, whose tables match Unicode 14's simple case
// mappings exactly), corrected by the small generated tables below for what
// the C library does not know: full (multi-character) case mappings, title
// case, case folding, Python's narrower idea of "alphabetic", digits, numerics
// and case-ignorable characters (for the final sigma rule).
#ifndef _GNU_SOURCE
#define _GNU_SOURCE  // memmem, memrchr (CMake defines it for every file)
#endif
#include "../runtime.h"
#include "../../compiler/lexer.h"
#include "../../util/fmtnum.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

typedef struct {
    uint32_t cp;
    uint32_t map[3];        // 0-terminated when shorter than 3
} CaseSpecial;

// ---- Generated from CPython 3.11's unicodedata (Unicode 14.0.0) and glibc 2.36's C.UTF-8 ----
// Code points glibc's iswalpha() accepts that str.isalpha() rejects (besides Nd) (167 ranges)
static const uint32_t nonalpha_ranges[][2] = {
    {0x345, 0x345}, {0x5B0, 0x5C7}, {0x610, 0x61A}, {0x64B, 0x65F}, {0x670, 0x670}, {0x6D6, 0x6E4},
    {0x6E7, 0x6ED}, {0x711, 0x711}, {0x730, 0x73F}, {0x7A6, 0x7B0}, {0x816, 0x817}, {0x81B, 0x823},
    {0x825, 0x827}, {0x829, 0x82C}, {0x8D4, 0x903}, {0x93A, 0x93B}, {0x93E, 0x94F}, {0x955, 0x957},
    {0x962, 0x963}, {0x981, 0x983}, {0x9BE, 0x9CC}, {0x9D7, 0x9D7}, {0x9E2, 0x9E3}, {0xA01, 0xA03},
    {0xA3E, 0xA51}, {0xA70, 0xA71}, {0xA75, 0xA83}, {0xABE, 0xACC}, {0xAE2, 0xAE3}, {0xAFA, 0xB03},
    {0xB3E, 0xB57}, {0xB62, 0xB63}, {0xB82, 0xB82}, {0xBBE, 0xBCC}, {0xBD7, 0xC03}, {0xC3E, 0xC56},
    {0xC62, 0xC63}, {0xC81, 0xC83}, {0xCBE, 0xCD6}, {0xCE2, 0xCE3}, {0xD00, 0xD03}, {0xD3E, 0xD4C},
    {0xD57, 0xD57}, {0xD62, 0xD63}, {0xD81, 0xD83}, {0xDCF, 0xDF3}, {0xE31, 0xE31}, {0xE34, 0xE3A},
    {0xE4D, 0xE4D}, {0xEB1, 0xEB1}, {0xEB4, 0xEBC}, {0xECD, 0xECD}, {0xF71, 0xF81}, {0xF8D, 0xFBC},
    {0x102B, 0x103E}, {0x1056, 0x1059}, {0x105E, 0x1060}, {0x1062, 0x1064}, {0x1067, 0x106D},
    {0x1071, 0x1074}, {0x1082, 0x108D}, {0x108F, 0x109D}, {0x16EE, 0x16F0}, {0x1712, 0x1713},
    {0x1732, 0x1733}, {0x1752, 0x1753}, {0x1772, 0x1773}, {0x17B6, 0x17C8}, {0x1885, 0x1886},
    {0x18A9, 0x18A9}, {0x1920, 0x1938}, {0x1A17, 0x1A1B}, {0x1A55, 0x1A74}, {0x1ABF, 0x1B04},
    {0x1B35, 0x1B43}, {0x1B80, 0x1B82}, {0x1BA1, 0x1BAD}, {0x1BE7, 0x1BF1}, {0x1C24, 0x1C36},
    {0x1DE7, 0x1DF4}, {0x2160, 0x2182}, {0x2185, 0x24E9}, {0x2DE0, 0x2DFF}, {0x3007, 0x3029},
    {0x3038, 0x303A}, {0xA674, 0xA67B}, {0xA69E, 0xA69F}, {0xA6E6, 0xA6EF}, {0xA802, 0xA802},
    {0xA80B, 0xA80B}, {0xA823, 0xA827}, {0xA880, 0xA881}, {0xA8B4, 0xA8C5}, {0xA8FF, 0xA8FF},
    {0xA926, 0xA92A}, {0xA947, 0xA952}, {0xA980, 0xA983}, {0xA9B4, 0xA9BF}, {0xA9E5, 0xA9E5},
    {0xAA29, 0xAA36}, {0xAA43, 0xAA43}, {0xAA4C, 0xAA4D}, {0xAA7B, 0xAA7D}, {0xAAB0, 0xAAB0},
    {0xAAB2, 0xAAB4}, {0xAAB7, 0xAAB8}, {0xAABE, 0xAABE}, {0xAAEB, 0xAAEF}, {0xAAF5, 0xAAF5},
    {0xABE3, 0xABEA}, {0xFB1E, 0xFB1E}, {0x10140, 0x10174}, {0x10341, 0x10341}, {0x1034A, 0x1034A},
    {0x10376, 0x1037A}, {0x103D1, 0x103D5}, {0x10A01, 0x10A0F}, {0x10D24, 0x10D27},
    {0x10EAB, 0x10EAC}, {0x11000, 0x11002}, {0x11038, 0x11045}, {0x11073, 0x11074},
    {0x11082, 0x11082}, {0x110B0, 0x110C2}, {0x11100, 0x11102}, {0x11127, 0x11132},
    {0x11145, 0x11146}, {0x11180, 0x11182}, {0x111B3, 0x111BF}, {0x111CE, 0x111CF},
    {0x1122C, 0x1123E}, {0x112DF, 0x11303}, {0x1133E, 0x1134C}, {0x11357, 0x11357},
    {0x11362, 0x11363}, {0x11435, 0x11445}, {0x114B0, 0x114C1}, {0x115AF, 0x115BE},
    {0x115DC, 0x115DD}, {0x11630, 0x11640}, {0x116AB, 0x116B5}, {0x1171D, 0x1172A},
    {0x1182C, 0x11838}, {0x11930, 0x1193C}, {0x11940, 0x11940}, {0x11942, 0x11942},
    {0x119D1, 0x119DF}, {0x119E4, 0x119E4}, {0x11A01, 0x11A0A}, {0x11A35, 0x11A39},
    {0x11A3B, 0x11A3E}, {0x11A51, 0x11A5B}, {0x11A8A, 0x11A97}, {0x11C2F, 0x11C3E},
    {0x11C92, 0x11CB6}, {0x11D31, 0x11D43}, {0x11D47, 0x11D47}, {0x11D8A, 0x11D96},
    {0x11EF3, 0x11EF6}, {0x12400, 0x1246E}, {0x16F4F, 0x16F4F}, {0x16F51, 0x16F92},
    {0x16FF0, 0x16FF1}, {0x1BC9E, 0x1BC9E}, {0x1E000, 0x1E02A}, {0x1E947, 0x1E947},
    {0x1F130, 0x1F189},
};
// str.isdigit() but not str.isdecimal() (20 ranges)
static const uint32_t digit_ranges[][2] = {
    {0xB2, 0xB3}, {0xB9, 0xB9}, {0x1369, 0x1371}, {0x19DA, 0x19DA}, {0x2070, 0x2070},
    {0x2074, 0x2079}, {0x2080, 0x2089}, {0x2460, 0x2468}, {0x2474, 0x247C}, {0x2488, 0x2490},
    {0x24EA, 0x24EA}, {0x24F5, 0x24FD}, {0x24FF, 0x24FF}, {0x2776, 0x277E}, {0x2780, 0x2788},
    {0x278A, 0x2792}, {0x10A40, 0x10A43}, {0x10E60, 0x10E68}, {0x11052, 0x1105A},
    {0x1F100, 0x1F10A},
};
// str.isnumeric() but not str.isdigit() (151 ranges)
static const uint32_t numeric_ranges[][2] = {
    {0xBC, 0xBE}, {0x9F4, 0x9F9}, {0xB72, 0xB77}, {0xBF0, 0xBF2}, {0xC78, 0xC7E}, {0xD58, 0xD5E},
    {0xD70, 0xD78}, {0xF2A, 0xF33}, {0x1372, 0x137C}, {0x16EE, 0x16F0}, {0x17F0, 0x17F9},
    {0x2150, 0x2182}, {0x2185, 0x2189}, {0x2469, 0x2473}, {0x247D, 0x2487}, {0x2491, 0x249B},
    {0x24EB, 0x24F4}, {0x24FE, 0x24FE}, {0x277F, 0x277F}, {0x2789, 0x2789}, {0x2793, 0x2793},
    {0x2CFD, 0x2CFD}, {0x3007, 0x3007}, {0x3021, 0x3029}, {0x3038, 0x303A}, {0x3192, 0x3195},
    {0x3220, 0x3229}, {0x3248, 0x324F}, {0x3251, 0x325F}, {0x3280, 0x3289}, {0x32B1, 0x32BF},
    {0x3405, 0x3405}, {0x3483, 0x3483}, {0x382A, 0x382A}, {0x3B4D, 0x3B4D}, {0x4E00, 0x4E00},
    {0x4E03, 0x4E03}, {0x4E07, 0x4E07}, {0x4E09, 0x4E09}, {0x4E5D, 0x4E5D}, {0x4E8C, 0x4E8C},
    {0x4E94, 0x4E94}, {0x4E96, 0x4E96}, {0x4EBF, 0x4EC0}, {0x4EDF, 0x4EDF}, {0x4EE8, 0x4EE8},
    {0x4F0D, 0x4F0D}, {0x4F70, 0x4F70}, {0x5104, 0x5104}, {0x5146, 0x5146}, {0x5169, 0x5169},
    {0x516B, 0x516B}, {0x516D, 0x516D}, {0x5341, 0x5341}, {0x5343, 0x5345}, {0x534C, 0x534C},
    {0x53C1, 0x53C4}, {0x56DB, 0x56DB}, {0x58F1, 0x58F1}, {0x58F9, 0x58F9}, {0x5E7A, 0x5E7A},
    {0x5EFE, 0x5EFF}, {0x5F0C, 0x5F0E}, {0x5F10, 0x5F10}, {0x62FE, 0x62FE}, {0x634C, 0x634C},
    {0x67D2, 0x67D2}, {0x6F06, 0x6F06}, {0x7396, 0x7396}, {0x767E, 0x767E}, {0x8086, 0x8086},
    {0x842C, 0x842C}, {0x8CAE, 0x8CAE}, {0x8CB3, 0x8CB3}, {0x8D30, 0x8D30}, {0x9621, 0x9621},
    {0x9646, 0x9646}, {0x964C, 0x964C}, {0x9678, 0x9678}, {0x96F6, 0x96F6}, {0xA6E6, 0xA6EF},
    {0xA830, 0xA835}, {0xF96B, 0xF96B}, {0xF973, 0xF973}, {0xF978, 0xF978}, {0xF9B2, 0xF9B2},
    {0xF9D1, 0xF9D1}, {0xF9D3, 0xF9D3}, {0xF9FD, 0xF9FD}, {0x10107, 0x10133}, {0x10140, 0x10178},
    {0x1018A, 0x1018B}, {0x102E1, 0x102FB}, {0x10320, 0x10323}, {0x10341, 0x10341},
    {0x1034A, 0x1034A}, {0x103D1, 0x103D5}, {0x10858, 0x1085F}, {0x10879, 0x1087F},
    {0x108A7, 0x108AF}, {0x108FB, 0x108FF}, {0x10916, 0x1091B}, {0x109BC, 0x109BD},
    {0x109C0, 0x109CF}, {0x109D2, 0x109FF}, {0x10A44, 0x10A48}, {0x10A7D, 0x10A7E},
    {0x10A9D, 0x10A9F}, {0x10AEB, 0x10AEF}, {0x10B58, 0x10B5F}, {0x10B78, 0x10B7F},
    {0x10BA9, 0x10BAF}, {0x10CFA, 0x10CFF}, {0x10E69, 0x10E7E}, {0x10F1D, 0x10F26},
    {0x10F51, 0x10F54}, {0x10FC5, 0x10FCB}, {0x1105B, 0x11065}, {0x111E1, 0x111F4},
    {0x1173A, 0x1173B}, {0x118EA, 0x118F2}, {0x11C5A, 0x11C6C}, {0x11FC0, 0x11FD4},
    {0x12400, 0x1246E}, {0x16B5B, 0x16B61}, {0x16E80, 0x16E96}, {0x1D2E0, 0x1D2F3},
    {0x1D360, 0x1D378}, {0x1E8C7, 0x1E8CF}, {0x1EC71, 0x1ECAB}, {0x1ECAD, 0x1ECAF},
    {0x1ECB1, 0x1ECB4}, {0x1ED01, 0x1ED2D}, {0x1ED2F, 0x1ED3D}, {0x1F10B, 0x1F10C},
    {0x20001, 0x20001}, {0x20064, 0x20064}, {0x200E2, 0x200E2}, {0x20121, 0x20121},
    {0x2092A, 0x2092A}, {0x20983, 0x20983}, {0x2098C, 0x2098C}, {0x2099C, 0x2099C},
    {0x20AEA, 0x20AEA}, {0x20AFD, 0x20AFD}, {0x20B19, 0x20B19}, {0x22390, 0x22390},
    {0x22998, 0x22998}, {0x23B1B, 0x23B1B}, {0x2626D, 0x2626D}, {0x2F890, 0x2F890},
};
// Case_Ignorable (for the final sigma rule) (427 ranges)
static const uint32_t case_ignorable_ranges[][2] = {
    {0x27, 0x27}, {0x2E, 0x2E}, {0x3A, 0x3A}, {0x5E, 0x5E}, {0x60, 0x60}, {0xA8, 0xA8},
    {0xAD, 0xAD}, {0xAF, 0xAF}, {0xB4, 0xB4}, {0xB7, 0xB8}, {0x2B0, 0x36F}, {0x374, 0x375},
    {0x37A, 0x37A}, {0x384, 0x385}, {0x387, 0x387}, {0x483, 0x489}, {0x559, 0x559}, {0x55F, 0x55F},
    {0x591, 0x5BD}, {0x5BF, 0x5BF}, {0x5C1, 0x5C2}, {0x5C4, 0x5C5}, {0x5C7, 0x5C7}, {0x5F4, 0x5F4},
    {0x600, 0x605}, {0x610, 0x61A}, {0x61C, 0x61C}, {0x640, 0x640}, {0x64B, 0x65F}, {0x670, 0x670},
    {0x6D6, 0x6DD}, {0x6DF, 0x6E8}, {0x6EA, 0x6ED}, {0x70F, 0x70F}, {0x711, 0x711}, {0x730, 0x74A},
    {0x7A6, 0x7B0}, {0x7EB, 0x7F5}, {0x7FA, 0x7FA}, {0x7FD, 0x7FD}, {0x816, 0x82D}, {0x859, 0x85B},
    {0x888, 0x888}, {0x890, 0x891}, {0x898, 0x89F}, {0x8C9, 0x902}, {0x93A, 0x93A}, {0x93C, 0x93C},
    {0x941, 0x948}, {0x94D, 0x94D}, {0x951, 0x957}, {0x962, 0x963}, {0x971, 0x971}, {0x981, 0x981},
    {0x9BC, 0x9BC}, {0x9C1, 0x9C4}, {0x9CD, 0x9CD}, {0x9E2, 0x9E3}, {0x9FE, 0x9FE}, {0xA01, 0xA02},
    {0xA3C, 0xA3C}, {0xA41, 0xA42}, {0xA47, 0xA48}, {0xA4B, 0xA4D}, {0xA51, 0xA51}, {0xA70, 0xA71},
    {0xA75, 0xA75}, {0xA81, 0xA82}, {0xABC, 0xABC}, {0xAC1, 0xAC5}, {0xAC7, 0xAC8}, {0xACD, 0xACD},
    {0xAE2, 0xAE3}, {0xAFA, 0xAFF}, {0xB01, 0xB01}, {0xB3C, 0xB3C}, {0xB3F, 0xB3F}, {0xB41, 0xB44},
    {0xB4D, 0xB4D}, {0xB55, 0xB56}, {0xB62, 0xB63}, {0xB82, 0xB82}, {0xBC0, 0xBC0}, {0xBCD, 0xBCD},
    {0xC00, 0xC00}, {0xC04, 0xC04}, {0xC3C, 0xC3C}, {0xC3E, 0xC40}, {0xC46, 0xC48}, {0xC4A, 0xC4D},
    {0xC55, 0xC56}, {0xC62, 0xC63}, {0xC81, 0xC81}, {0xCBC, 0xCBC}, {0xCBF, 0xCBF}, {0xCC6, 0xCC6},
    {0xCCC, 0xCCD}, {0xCE2, 0xCE3}, {0xD00, 0xD01}, {0xD3B, 0xD3C}, {0xD41, 0xD44}, {0xD4D, 0xD4D},
    {0xD62, 0xD63}, {0xD81, 0xD81}, {0xDCA, 0xDCA}, {0xDD2, 0xDD4}, {0xDD6, 0xDD6}, {0xE31, 0xE31},
    {0xE34, 0xE3A}, {0xE46, 0xE4E}, {0xEB1, 0xEB1}, {0xEB4, 0xEBC}, {0xEC6, 0xEC6}, {0xEC8, 0xECD},
    {0xF18, 0xF19}, {0xF35, 0xF35}, {0xF37, 0xF37}, {0xF39, 0xF39}, {0xF71, 0xF7E}, {0xF80, 0xF84},
    {0xF86, 0xF87}, {0xF8D, 0xF97}, {0xF99, 0xFBC}, {0xFC6, 0xFC6}, {0x102D, 0x1030},
    {0x1032, 0x1037}, {0x1039, 0x103A}, {0x103D, 0x103E}, {0x1058, 0x1059}, {0x105E, 0x1060},
    {0x1071, 0x1074}, {0x1082, 0x1082}, {0x1085, 0x1086}, {0x108D, 0x108D}, {0x109D, 0x109D},
    {0x10FC, 0x10FC}, {0x135D, 0x135F}, {0x1712, 0x1714}, {0x1732, 0x1733}, {0x1752, 0x1753},
    {0x1772, 0x1773}, {0x17B4, 0x17B5}, {0x17B7, 0x17BD}, {0x17C6, 0x17C6}, {0x17C9, 0x17D3},
    {0x17D7, 0x17D7}, {0x17DD, 0x17DD}, {0x180B, 0x180F}, {0x1843, 0x1843}, {0x1885, 0x1886},
    {0x18A9, 0x18A9}, {0x1920, 0x1922}, {0x1927, 0x1928}, {0x1932, 0x1932}, {0x1939, 0x193B},
    {0x1A17, 0x1A18}, {0x1A1B, 0x1A1B}, {0x1A56, 0x1A56}, {0x1A58, 0x1A5E}, {0x1A60, 0x1A60},
    {0x1A62, 0x1A62}, {0x1A65, 0x1A6C}, {0x1A73, 0x1A7C}, {0x1A7F, 0x1A7F}, {0x1AA7, 0x1AA7},
    {0x1AB0, 0x1ACE}, {0x1B00, 0x1B03}, {0x1B34, 0x1B34}, {0x1B36, 0x1B3A}, {0x1B3C, 0x1B3C},
    {0x1B42, 0x1B42}, {0x1B6B, 0x1B73}, {0x1B80, 0x1B81}, {0x1BA2, 0x1BA5}, {0x1BA8, 0x1BA9},
    {0x1BAB, 0x1BAD}, {0x1BE6, 0x1BE6}, {0x1BE8, 0x1BE9}, {0x1BED, 0x1BED}, {0x1BEF, 0x1BF1},
    {0x1C2C, 0x1C33}, {0x1C36, 0x1C37}, {0x1C78, 0x1C7D}, {0x1CD0, 0x1CD2}, {0x1CD4, 0x1CE0},
    {0x1CE2, 0x1CE8}, {0x1CED, 0x1CED}, {0x1CF4, 0x1CF4}, {0x1CF8, 0x1CF9}, {0x1D2C, 0x1D6A},
    {0x1D78, 0x1D78}, {0x1D9B, 0x1DFF}, {0x1FBD, 0x1FBD}, {0x1FBF, 0x1FC1}, {0x1FCD, 0x1FCF},
    {0x1FDD, 0x1FDF}, {0x1FED, 0x1FEF}, {0x1FFD, 0x1FFE}, {0x200B, 0x200F}, {0x2018, 0x2019},
    {0x2024, 0x2024}, {0x2027, 0x2027}, {0x202A, 0x202E}, {0x2060, 0x2064}, {0x2066, 0x206F},
    {0x2071, 0x2071}, {0x207F, 0x207F}, {0x2090, 0x209C}, {0x20D0, 0x20F0}, {0x2C7C, 0x2C7D},
    {0x2CEF, 0x2CF1}, {0x2D6F, 0x2D6F}, {0x2D7F, 0x2D7F}, {0x2DE0, 0x2DFF}, {0x2E2F, 0x2E2F},
    {0x3005, 0x3005}, {0x302A, 0x302D}, {0x3031, 0x3035}, {0x303B, 0x303B}, {0x3099, 0x309E},
    {0x30FC, 0x30FE}, {0xA015, 0xA015}, {0xA4F8, 0xA4FD}, {0xA60C, 0xA60C}, {0xA66F, 0xA672},
    {0xA674, 0xA67D}, {0xA67F, 0xA67F}, {0xA69C, 0xA69F}, {0xA6F0, 0xA6F1}, {0xA700, 0xA721},
    {0xA770, 0xA770}, {0xA788, 0xA78A}, {0xA7F2, 0xA7F4}, {0xA7F8, 0xA7F9}, {0xA802, 0xA802},
    {0xA806, 0xA806}, {0xA80B, 0xA80B}, {0xA825, 0xA826}, {0xA82C, 0xA82C}, {0xA8C4, 0xA8C5},
    {0xA8E0, 0xA8F1}, {0xA8FF, 0xA8FF}, {0xA926, 0xA92D}, {0xA947, 0xA951}, {0xA980, 0xA982},
    {0xA9B3, 0xA9B3}, {0xA9B6, 0xA9B9}, {0xA9BC, 0xA9BD}, {0xA9CF, 0xA9CF}, {0xA9E5, 0xA9E6},
    {0xAA29, 0xAA2E}, {0xAA31, 0xAA32}, {0xAA35, 0xAA36}, {0xAA43, 0xAA43}, {0xAA4C, 0xAA4C},
    {0xAA70, 0xAA70}, {0xAA7C, 0xAA7C}, {0xAAB0, 0xAAB0}, {0xAAB2, 0xAAB4}, {0xAAB7, 0xAAB8},
    {0xAABE, 0xAABF}, {0xAAC1, 0xAAC1}, {0xAADD, 0xAADD}, {0xAAEC, 0xAAED}, {0xAAF3, 0xAAF4},
    {0xAAF6, 0xAAF6}, {0xAB5B, 0xAB5F}, {0xAB69, 0xAB6B}, {0xABE5, 0xABE5}, {0xABE8, 0xABE8},
    {0xABED, 0xABED}, {0xFB1E, 0xFB1E}, {0xFBB2, 0xFBC2}, {0xFE00, 0xFE0F}, {0xFE13, 0xFE13},
    {0xFE20, 0xFE2F}, {0xFE52, 0xFE52}, {0xFE55, 0xFE55}, {0xFEFF, 0xFEFF}, {0xFF07, 0xFF07},
    {0xFF0E, 0xFF0E}, {0xFF1A, 0xFF1A}, {0xFF3E, 0xFF3E}, {0xFF40, 0xFF40}, {0xFF70, 0xFF70},
    {0xFF9E, 0xFF9F}, {0xFFE3, 0xFFE3}, {0xFFF9, 0xFFFB}, {0x101FD, 0x101FD}, {0x102E0, 0x102E0},
    {0x10376, 0x1037A}, {0x10780, 0x10785}, {0x10787, 0x107B0}, {0x107B2, 0x107BA},
    {0x10A01, 0x10A03}, {0x10A05, 0x10A06}, {0x10A0C, 0x10A0F}, {0x10A38, 0x10A3A},
    {0x10A3F, 0x10A3F}, {0x10AE5, 0x10AE6}, {0x10D24, 0x10D27}, {0x10EAB, 0x10EAC},
    {0x10F46, 0x10F50}, {0x10F82, 0x10F85}, {0x11001, 0x11001}, {0x11038, 0x11046},
    {0x11070, 0x11070}, {0x11073, 0x11074}, {0x1107F, 0x11081}, {0x110B3, 0x110B6},
    {0x110B9, 0x110BA}, {0x110BD, 0x110BD}, {0x110C2, 0x110C2}, {0x110CD, 0x110CD},
    {0x11100, 0x11102}, {0x11127, 0x1112B}, {0x1112D, 0x11134}, {0x11173, 0x11173},
    {0x11180, 0x11181}, {0x111B6, 0x111BE}, {0x111C9, 0x111CC}, {0x111CF, 0x111CF},
    {0x1122F, 0x11231}, {0x11234, 0x11234}, {0x11236, 0x11237}, {0x1123E, 0x1123E},
    {0x112DF, 0x112DF}, {0x112E3, 0x112EA}, {0x11300, 0x11301}, {0x1133B, 0x1133C},
    {0x11340, 0x11340}, {0x11366, 0x1136C}, {0x11370, 0x11374}, {0x11438, 0x1143F},
    {0x11442, 0x11444}, {0x11446, 0x11446}, {0x1145E, 0x1145E}, {0x114B3, 0x114B8},
    {0x114BA, 0x114BA}, {0x114BF, 0x114C0}, {0x114C2, 0x114C3}, {0x115B2, 0x115B5},
    {0x115BC, 0x115BD}, {0x115BF, 0x115C0}, {0x115DC, 0x115DD}, {0x11633, 0x1163A},
    {0x1163D, 0x1163D}, {0x1163F, 0x11640}, {0x116AB, 0x116AB}, {0x116AD, 0x116AD},
    {0x116B0, 0x116B5}, {0x116B7, 0x116B7}, {0x1171D, 0x1171F}, {0x11722, 0x11725},
    {0x11727, 0x1172B}, {0x1182F, 0x11837}, {0x11839, 0x1183A}, {0x1193B, 0x1193C},
    {0x1193E, 0x1193E}, {0x11943, 0x11943}, {0x119D4, 0x119D7}, {0x119DA, 0x119DB},
    {0x119E0, 0x119E0}, {0x11A01, 0x11A0A}, {0x11A33, 0x11A38}, {0x11A3B, 0x11A3E},
    {0x11A47, 0x11A47}, {0x11A51, 0x11A56}, {0x11A59, 0x11A5B}, {0x11A8A, 0x11A96},
    {0x11A98, 0x11A99}, {0x11C30, 0x11C36}, {0x11C38, 0x11C3D}, {0x11C3F, 0x11C3F},
    {0x11C92, 0x11CA7}, {0x11CAA, 0x11CB0}, {0x11CB2, 0x11CB3}, {0x11CB5, 0x11CB6},
    {0x11D31, 0x11D36}, {0x11D3A, 0x11D3A}, {0x11D3C, 0x11D3D}, {0x11D3F, 0x11D45},
    {0x11D47, 0x11D47}, {0x11D90, 0x11D91}, {0x11D95, 0x11D95}, {0x11D97, 0x11D97},
    {0x11EF3, 0x11EF4}, {0x13430, 0x13438}, {0x16AF0, 0x16AF4}, {0x16B30, 0x16B36},
    {0x16B40, 0x16B43}, {0x16F4F, 0x16F4F}, {0x16F8F, 0x16F9F}, {0x16FE0, 0x16FE1},
    {0x16FE3, 0x16FE4}, {0x1AFF0, 0x1AFF3}, {0x1AFF5, 0x1AFFB}, {0x1AFFD, 0x1AFFE},
    {0x1BC9D, 0x1BC9E}, {0x1BCA0, 0x1BCA3}, {0x1CF00, 0x1CF2D}, {0x1CF30, 0x1CF46},
    {0x1D167, 0x1D169}, {0x1D173, 0x1D182}, {0x1D185, 0x1D18B}, {0x1D1AA, 0x1D1AD},
    {0x1D242, 0x1D244}, {0x1DA00, 0x1DA36}, {0x1DA3B, 0x1DA6C}, {0x1DA75, 0x1DA75},
    {0x1DA84, 0x1DA84}, {0x1DA9B, 0x1DA9F}, {0x1DAA1, 0x1DAAF}, {0x1E000, 0x1E006},
    {0x1E008, 0x1E018}, {0x1E01B, 0x1E021}, {0x1E023, 0x1E024}, {0x1E026, 0x1E02A},
    {0x1E130, 0x1E13D}, {0x1E2AE, 0x1E2AE}, {0x1E2EC, 0x1E2EF}, {0x1E8D0, 0x1E8D6},
    {0x1E944, 0x1E94B}, {0x1F3FB, 0x1F3FF}, {0xE0001, 0xE0001}, {0xE0020, 0xE007F},
    {0xE0100, 0xE01EF},
};
// Titlecase letters (Lt) (10 ranges)
static const uint32_t title_ranges[][2] = {
    {0x1C5, 0x1C5}, {0x1C8, 0x1C8}, {0x1CB, 0x1CB}, {0x1F2, 0x1F2}, {0x1F88, 0x1F8F},
    {0x1F98, 0x1F9F}, {0x1FA8, 0x1FAF}, {0x1FBC, 0x1FBC}, {0x1FCC, 0x1FCC}, {0x1FFC, 0x1FFC},
};
// Full uppercase mappings longer than one code point (102 entries)
static const CaseSpecial upper_special[] = {
    {0xDF, {0x53, 0x53, 0x0}}, {0x149, {0x2BC, 0x4E, 0x0}}, {0x1F0, {0x4A, 0x30C, 0x0}},
    {0x390, {0x399, 0x308, 0x301}}, {0x3B0, {0x3A5, 0x308, 0x301}}, {0x587, {0x535, 0x552, 0x0}},
    {0x1E96, {0x48, 0x331, 0x0}}, {0x1E97, {0x54, 0x308, 0x0}}, {0x1E98, {0x57, 0x30A, 0x0}},
    {0x1E99, {0x59, 0x30A, 0x0}}, {0x1E9A, {0x41, 0x2BE, 0x0}}, {0x1F50, {0x3A5, 0x313, 0x0}},
    {0x1F52, {0x3A5, 0x313, 0x300}}, {0x1F54, {0x3A5, 0x313, 0x301}},
    {0x1F56, {0x3A5, 0x313, 0x342}}, {0x1F80, {0x1F08, 0x399, 0x0}}, {0x1F81, {0x1F09, 0x399, 0x0}},
    {0x1F82, {0x1F0A, 0x399, 0x0}}, {0x1F83, {0x1F0B, 0x399, 0x0}}, {0x1F84, {0x1F0C, 0x399, 0x0}},
    {0x1F85, {0x1F0D, 0x399, 0x0}}, {0x1F86, {0x1F0E, 0x399, 0x0}}, {0x1F87, {0x1F0F, 0x399, 0x0}},
    {0x1F88, {0x1F08, 0x399, 0x0}}, {0x1F89, {0x1F09, 0x399, 0x0}}, {0x1F8A, {0x1F0A, 0x399, 0x0}},
    {0x1F8B, {0x1F0B, 0x399, 0x0}}, {0x1F8C, {0x1F0C, 0x399, 0x0}}, {0x1F8D, {0x1F0D, 0x399, 0x0}},
    {0x1F8E, {0x1F0E, 0x399, 0x0}}, {0x1F8F, {0x1F0F, 0x399, 0x0}}, {0x1F90, {0x1F28, 0x399, 0x0}},
    {0x1F91, {0x1F29, 0x399, 0x0}}, {0x1F92, {0x1F2A, 0x399, 0x0}}, {0x1F93, {0x1F2B, 0x399, 0x0}},
    {0x1F94, {0x1F2C, 0x399, 0x0}}, {0x1F95, {0x1F2D, 0x399, 0x0}}, {0x1F96, {0x1F2E, 0x399, 0x0}},
    {0x1F97, {0x1F2F, 0x399, 0x0}}, {0x1F98, {0x1F28, 0x399, 0x0}}, {0x1F99, {0x1F29, 0x399, 0x0}},
    {0x1F9A, {0x1F2A, 0x399, 0x0}}, {0x1F9B, {0x1F2B, 0x399, 0x0}}, {0x1F9C, {0x1F2C, 0x399, 0x0}},
    {0x1F9D, {0x1F2D, 0x399, 0x0}}, {0x1F9E, {0x1F2E, 0x399, 0x0}}, {0x1F9F, {0x1F2F, 0x399, 0x0}},
    {0x1FA0, {0x1F68, 0x399, 0x0}}, {0x1FA1, {0x1F69, 0x399, 0x0}}, {0x1FA2, {0x1F6A, 0x399, 0x0}},
    {0x1FA3, {0x1F6B, 0x399, 0x0}}, {0x1FA4, {0x1F6C, 0x399, 0x0}}, {0x1FA5, {0x1F6D, 0x399, 0x0}},
    {0x1FA6, {0x1F6E, 0x399, 0x0}}, {0x1FA7, {0x1F6F, 0x399, 0x0}}, {0x1FA8, {0x1F68, 0x399, 0x0}},
    {0x1FA9, {0x1F69, 0x399, 0x0}}, {0x1FAA, {0x1F6A, 0x399, 0x0}}, {0x1FAB, {0x1F6B, 0x399, 0x0}},
    {0x1FAC, {0x1F6C, 0x399, 0x0}}, {0x1FAD, {0x1F6D, 0x399, 0x0}}, {0x1FAE, {0x1F6E, 0x399, 0x0}},
    {0x1FAF, {0x1F6F, 0x399, 0x0}}, {0x1FB2, {0x1FBA, 0x399, 0x0}}, {0x1FB3, {0x391, 0x399, 0x0}},
    {0x1FB4, {0x386, 0x399, 0x0}}, {0x1FB6, {0x391, 0x342, 0x0}}, {0x1FB7, {0x391, 0x342, 0x399}},
    {0x1FBC, {0x391, 0x399, 0x0}}, {0x1FC2, {0x1FCA, 0x399, 0x0}}, {0x1FC3, {0x397, 0x399, 0x0}},
    {0x1FC4, {0x389, 0x399, 0x0}}, {0x1FC6, {0x397, 0x342, 0x0}}, {0x1FC7, {0x397, 0x342, 0x399}},
    {0x1FCC, {0x397, 0x399, 0x0}}, {0x1FD2, {0x399, 0x308, 0x300}}, {0x1FD3, {0x399, 0x308, 0x301}},
    {0x1FD6, {0x399, 0x342, 0x0}}, {0x1FD7, {0x399, 0x308, 0x342}}, {0x1FE2, {0x3A5, 0x308, 0x300}},
    {0x1FE3, {0x3A5, 0x308, 0x301}}, {0x1FE4, {0x3A1, 0x313, 0x0}}, {0x1FE6, {0x3A5, 0x342, 0x0}},
    {0x1FE7, {0x3A5, 0x308, 0x342}}, {0x1FF2, {0x1FFA, 0x399, 0x0}}, {0x1FF3, {0x3A9, 0x399, 0x0}},
    {0x1FF4, {0x38F, 0x399, 0x0}}, {0x1FF6, {0x3A9, 0x342, 0x0}}, {0x1FF7, {0x3A9, 0x342, 0x399}},
    {0x1FFC, {0x3A9, 0x399, 0x0}}, {0xFB00, {0x46, 0x46, 0x0}}, {0xFB01, {0x46, 0x49, 0x0}},
    {0xFB02, {0x46, 0x4C, 0x0}}, {0xFB03, {0x46, 0x46, 0x49}}, {0xFB04, {0x46, 0x46, 0x4C}},
    {0xFB05, {0x53, 0x54, 0x0}}, {0xFB06, {0x53, 0x54, 0x0}}, {0xFB13, {0x544, 0x546, 0x0}},
    {0xFB14, {0x544, 0x535, 0x0}}, {0xFB15, {0x544, 0x53B, 0x0}}, {0xFB16, {0x54E, 0x546, 0x0}},
    {0xFB17, {0x544, 0x53D, 0x0}},
};
// Titlecase mappings that differ from the uppercase one (135 entries)
static const CaseSpecial title_special[] = {
    {0xDF, {0x53, 0x73, 0x0}}, {0x1C4, {0x1C5, 0x0, 0x0}}, {0x1C5, {0x1C5, 0x0, 0x0}},
    {0x1C6, {0x1C5, 0x0, 0x0}}, {0x1C7, {0x1C8, 0x0, 0x0}}, {0x1C8, {0x1C8, 0x0, 0x0}},
    {0x1C9, {0x1C8, 0x0, 0x0}}, {0x1CA, {0x1CB, 0x0, 0x0}}, {0x1CB, {0x1CB, 0x0, 0x0}},
    {0x1CC, {0x1CB, 0x0, 0x0}}, {0x1F1, {0x1F2, 0x0, 0x0}}, {0x1F2, {0x1F2, 0x0, 0x0}},
    {0x1F3, {0x1F2, 0x0, 0x0}}, {0x587, {0x535, 0x582, 0x0}}, {0x10D0, {0x10D0, 0x0, 0x0}},
    {0x10D1, {0x10D1, 0x0, 0x0}}, {0x10D2, {0x10D2, 0x0, 0x0}}, {0x10D3, {0x10D3, 0x0, 0x0}},
    {0x10D4, {0x10D4, 0x0, 0x0}}, {0x10D5, {0x10D5, 0x0, 0x0}}, {0x10D6, {0x10D6, 0x0, 0x0}},
    {0x10D7, {0x10D7, 0x0, 0x0}}, {0x10D8, {0x10D8, 0x0, 0x0}}, {0x10D9, {0x10D9, 0x0, 0x0}},
    {0x10DA, {0x10DA, 0x0, 0x0}}, {0x10DB, {0x10DB, 0x0, 0x0}}, {0x10DC, {0x10DC, 0x0, 0x0}},
    {0x10DD, {0x10DD, 0x0, 0x0}}, {0x10DE, {0x10DE, 0x0, 0x0}}, {0x10DF, {0x10DF, 0x0, 0x0}},
    {0x10E0, {0x10E0, 0x0, 0x0}}, {0x10E1, {0x10E1, 0x0, 0x0}}, {0x10E2, {0x10E2, 0x0, 0x0}},
    {0x10E3, {0x10E3, 0x0, 0x0}}, {0x10E4, {0x10E4, 0x0, 0x0}}, {0x10E5, {0x10E5, 0x0, 0x0}},
    {0x10E6, {0x10E6, 0x0, 0x0}}, {0x10E7, {0x10E7, 0x0, 0x0}}, {0x10E8, {0x10E8, 0x0, 0x0}},
    {0x10E9, {0x10E9, 0x0, 0x0}}, {0x10EA, {0x10EA, 0x0, 0x0}}, {0x10EB, {0x10EB, 0x0, 0x0}},
    {0x10EC, {0x10EC, 0x0, 0x0}}, {0x10ED, {0x10ED, 0x0, 0x0}}, {0x10EE, {0x10EE, 0x0, 0x0}},
    {0x10EF, {0x10EF, 0x0, 0x0}}, {0x10F0, {0x10F0, 0x0, 0x0}}, {0x10F1, {0x10F1, 0x0, 0x0}},
    {0x10F2, {0x10F2, 0x0, 0x0}}, {0x10F3, {0x10F3, 0x0, 0x0}}, {0x10F4, {0x10F4, 0x0, 0x0}},
    {0x10F5, {0x10F5, 0x0, 0x0}}, {0x10F6, {0x10F6, 0x0, 0x0}}, {0x10F7, {0x10F7, 0x0, 0x0}},
    {0x10F8, {0x10F8, 0x0, 0x0}}, {0x10F9, {0x10F9, 0x0, 0x0}}, {0x10FA, {0x10FA, 0x0, 0x0}},
    {0x10FD, {0x10FD, 0x0, 0x0}}, {0x10FE, {0x10FE, 0x0, 0x0}}, {0x10FF, {0x10FF, 0x0, 0x0}},
    {0x1F80, {0x1F88, 0x0, 0x0}}, {0x1F81, {0x1F89, 0x0, 0x0}}, {0x1F82, {0x1F8A, 0x0, 0x0}},
    {0x1F83, {0x1F8B, 0x0, 0x0}}, {0x1F84, {0x1F8C, 0x0, 0x0}}, {0x1F85, {0x1F8D, 0x0, 0x0}},
    {0x1F86, {0x1F8E, 0x0, 0x0}}, {0x1F87, {0x1F8F, 0x0, 0x0}}, {0x1F88, {0x1F88, 0x0, 0x0}},
    {0x1F89, {0x1F89, 0x0, 0x0}}, {0x1F8A, {0x1F8A, 0x0, 0x0}}, {0x1F8B, {0x1F8B, 0x0, 0x0}},
    {0x1F8C, {0x1F8C, 0x0, 0x0}}, {0x1F8D, {0x1F8D, 0x0, 0x0}}, {0x1F8E, {0x1F8E, 0x0, 0x0}},
    {0x1F8F, {0x1F8F, 0x0, 0x0}}, {0x1F90, {0x1F98, 0x0, 0x0}}, {0x1F91, {0x1F99, 0x0, 0x0}},
    {0x1F92, {0x1F9A, 0x0, 0x0}}, {0x1F93, {0x1F9B, 0x0, 0x0}}, {0x1F94, {0x1F9C, 0x0, 0x0}},
    {0x1F95, {0x1F9D, 0x0, 0x0}}, {0x1F96, {0x1F9E, 0x0, 0x0}}, {0x1F97, {0x1F9F, 0x0, 0x0}},
    {0x1F98, {0x1F98, 0x0, 0x0}}, {0x1F99, {0x1F99, 0x0, 0x0}}, {0x1F9A, {0x1F9A, 0x0, 0x0}},
    {0x1F9B, {0x1F9B, 0x0, 0x0}}, {0x1F9C, {0x1F9C, 0x0, 0x0}}, {0x1F9D, {0x1F9D, 0x0, 0x0}},
    {0x1F9E, {0x1F9E, 0x0, 0x0}}, {0x1F9F, {0x1F9F, 0x0, 0x0}}, {0x1FA0, {0x1FA8, 0x0, 0x0}},
    {0x1FA1, {0x1FA9, 0x0, 0x0}}, {0x1FA2, {0x1FAA, 0x0, 0x0}}, {0x1FA3, {0x1FAB, 0x0, 0x0}},
    {0x1FA4, {0x1FAC, 0x0, 0x0}}, {0x1FA5, {0x1FAD, 0x0, 0x0}}, {0x1FA6, {0x1FAE, 0x0, 0x0}},
    {0x1FA7, {0x1FAF, 0x0, 0x0}}, {0x1FA8, {0x1FA8, 0x0, 0x0}}, {0x1FA9, {0x1FA9, 0x0, 0x0}},
    {0x1FAA, {0x1FAA, 0x0, 0x0}}, {0x1FAB, {0x1FAB, 0x0, 0x0}}, {0x1FAC, {0x1FAC, 0x0, 0x0}},
    {0x1FAD, {0x1FAD, 0x0, 0x0}}, {0x1FAE, {0x1FAE, 0x0, 0x0}}, {0x1FAF, {0x1FAF, 0x0, 0x0}},
    {0x1FB2, {0x1FBA, 0x345, 0x0}}, {0x1FB3, {0x1FBC, 0x0, 0x0}}, {0x1FB4, {0x386, 0x345, 0x0}},
    {0x1FB7, {0x391, 0x342, 0x345}}, {0x1FBC, {0x1FBC, 0x0, 0x0}}, {0x1FC2, {0x1FCA, 0x345, 0x0}},
    {0x1FC3, {0x1FCC, 0x0, 0x0}}, {0x1FC4, {0x389, 0x345, 0x0}}, {0x1FC7, {0x397, 0x342, 0x345}},
    {0x1FCC, {0x1FCC, 0x0, 0x0}}, {0x1FF2, {0x1FFA, 0x345, 0x0}}, {0x1FF3, {0x1FFC, 0x0, 0x0}},
    {0x1FF4, {0x38F, 0x345, 0x0}}, {0x1FF7, {0x3A9, 0x342, 0x345}}, {0x1FFC, {0x1FFC, 0x0, 0x0}},
    {0xFB00, {0x46, 0x66, 0x0}}, {0xFB01, {0x46, 0x69, 0x0}}, {0xFB02, {0x46, 0x6C, 0x0}},
    {0xFB03, {0x46, 0x66, 0x69}}, {0xFB04, {0x46, 0x66, 0x6C}}, {0xFB05, {0x53, 0x74, 0x0}},
    {0xFB06, {0x53, 0x74, 0x0}}, {0xFB13, {0x544, 0x576, 0x0}}, {0xFB14, {0x544, 0x565, 0x0}},
    {0xFB15, {0x544, 0x56B, 0x0}}, {0xFB16, {0x54E, 0x576, 0x0}}, {0xFB17, {0x544, 0x56D, 0x0}},
};
// Case foldings that differ from the lowercase mapping (Cherokee by rule) (125 entries)
static const CaseSpecial fold_special[] = {
    {0xB5, {0x3BC, 0x0, 0x0}}, {0xDF, {0x73, 0x73, 0x0}}, {0x149, {0x2BC, 0x6E, 0x0}},
    {0x17F, {0x73, 0x0, 0x0}}, {0x1F0, {0x6A, 0x30C, 0x0}}, {0x345, {0x3B9, 0x0, 0x0}},
    {0x390, {0x3B9, 0x308, 0x301}}, {0x3B0, {0x3C5, 0x308, 0x301}}, {0x3C2, {0x3C3, 0x0, 0x0}},
    {0x3D0, {0x3B2, 0x0, 0x0}}, {0x3D1, {0x3B8, 0x0, 0x0}}, {0x3D5, {0x3C6, 0x0, 0x0}},
    {0x3D6, {0x3C0, 0x0, 0x0}}, {0x3F0, {0x3BA, 0x0, 0x0}}, {0x3F1, {0x3C1, 0x0, 0x0}},
    {0x3F5, {0x3B5, 0x0, 0x0}}, {0x587, {0x565, 0x582, 0x0}}, {0x1C80, {0x432, 0x0, 0x0}},
    {0x1C81, {0x434, 0x0, 0x0}}, {0x1C82, {0x43E, 0x0, 0x0}}, {0x1C83, {0x441, 0x0, 0x0}},
    {0x1C84, {0x442, 0x0, 0x0}}, {0x1C85, {0x442, 0x0, 0x0}}, {0x1C86, {0x44A, 0x0, 0x0}},
    {0x1C87, {0x463, 0x0, 0x0}}, {0x1C88, {0xA64B, 0x0, 0x0}}, {0x1E96, {0x68, 0x331, 0x0}},
    {0x1E97, {0x74, 0x308, 0x0}}, {0x1E98, {0x77, 0x30A, 0x0}}, {0x1E99, {0x79, 0x30A, 0x0}},
    {0x1E9A, {0x61, 0x2BE, 0x0}}, {0x1E9B, {0x1E61, 0x0, 0x0}}, {0x1E9E, {0x73, 0x73, 0x0}},
    {0x1F50, {0x3C5, 0x313, 0x0}}, {0x1F52, {0x3C5, 0x313, 0x300}}, {0x1F54, {0x3C5, 0x313, 0x301}},
    {0x1F56, {0x3C5, 0x313, 0x342}}, {0x1F80, {0x1F00, 0x3B9, 0x0}}, {0x1F81, {0x1F01, 0x3B9, 0x0}},
    {0x1F82, {0x1F02, 0x3B9, 0x0}}, {0x1F83, {0x1F03, 0x3B9, 0x0}}, {0x1F84, {0x1F04, 0x3B9, 0x0}},
    {0x1F85, {0x1F05, 0x3B9, 0x0}}, {0x1F86, {0x1F06, 0x3B9, 0x0}}, {0x1F87, {0x1F07, 0x3B9, 0x0}},
    {0x1F88, {0x1F00, 0x3B9, 0x0}}, {0x1F89, {0x1F01, 0x3B9, 0x0}}, {0x1F8A, {0x1F02, 0x3B9, 0x0}},
    {0x1F8B, {0x1F03, 0x3B9, 0x0}}, {0x1F8C, {0x1F04, 0x3B9, 0x0}}, {0x1F8D, {0x1F05, 0x3B9, 0x0}},
    {0x1F8E, {0x1F06, 0x3B9, 0x0}}, {0x1F8F, {0x1F07, 0x3B9, 0x0}}, {0x1F90, {0x1F20, 0x3B9, 0x0}},
    {0x1F91, {0x1F21, 0x3B9, 0x0}}, {0x1F92, {0x1F22, 0x3B9, 0x0}}, {0x1F93, {0x1F23, 0x3B9, 0x0}},
    {0x1F94, {0x1F24, 0x3B9, 0x0}}, {0x1F95, {0x1F25, 0x3B9, 0x0}}, {0x1F96, {0x1F26, 0x3B9, 0x0}},
    {0x1F97, {0x1F27, 0x3B9, 0x0}}, {0x1F98, {0x1F20, 0x3B9, 0x0}}, {0x1F99, {0x1F21, 0x3B9, 0x0}},
    {0x1F9A, {0x1F22, 0x3B9, 0x0}}, {0x1F9B, {0x1F23, 0x3B9, 0x0}}, {0x1F9C, {0x1F24, 0x3B9, 0x0}},
    {0x1F9D, {0x1F25, 0x3B9, 0x0}}, {0x1F9E, {0x1F26, 0x3B9, 0x0}}, {0x1F9F, {0x1F27, 0x3B9, 0x0}},
    {0x1FA0, {0x1F60, 0x3B9, 0x0}}, {0x1FA1, {0x1F61, 0x3B9, 0x0}}, {0x1FA2, {0x1F62, 0x3B9, 0x0}},
    {0x1FA3, {0x1F63, 0x3B9, 0x0}}, {0x1FA4, {0x1F64, 0x3B9, 0x0}}, {0x1FA5, {0x1F65, 0x3B9, 0x0}},
    {0x1FA6, {0x1F66, 0x3B9, 0x0}}, {0x1FA7, {0x1F67, 0x3B9, 0x0}}, {0x1FA8, {0x1F60, 0x3B9, 0x0}},
    {0x1FA9, {0x1F61, 0x3B9, 0x0}}, {0x1FAA, {0x1F62, 0x3B9, 0x0}}, {0x1FAB, {0x1F63, 0x3B9, 0x0}},
    {0x1FAC, {0x1F64, 0x3B9, 0x0}}, {0x1FAD, {0x1F65, 0x3B9, 0x0}}, {0x1FAE, {0x1F66, 0x3B9, 0x0}},
    {0x1FAF, {0x1F67, 0x3B9, 0x0}}, {0x1FB2, {0x1F70, 0x3B9, 0x0}}, {0x1FB3, {0x3B1, 0x3B9, 0x0}},
    {0x1FB4, {0x3AC, 0x3B9, 0x0}}, {0x1FB6, {0x3B1, 0x342, 0x0}}, {0x1FB7, {0x3B1, 0x342, 0x3B9}},
    {0x1FBC, {0x3B1, 0x3B9, 0x0}}, {0x1FBE, {0x3B9, 0x0, 0x0}}, {0x1FC2, {0x1F74, 0x3B9, 0x0}},
    {0x1FC3, {0x3B7, 0x3B9, 0x0}}, {0x1FC4, {0x3AE, 0x3B9, 0x0}}, {0x1FC6, {0x3B7, 0x342, 0x0}},
    {0x1FC7, {0x3B7, 0x342, 0x3B9}}, {0x1FCC, {0x3B7, 0x3B9, 0x0}}, {0x1FD2, {0x3B9, 0x308, 0x300}},
    {0x1FD3, {0x3B9, 0x308, 0x301}}, {0x1FD6, {0x3B9, 0x342, 0x0}}, {0x1FD7, {0x3B9, 0x308, 0x342}},
    {0x1FE2, {0x3C5, 0x308, 0x300}}, {0x1FE3, {0x3C5, 0x308, 0x301}}, {0x1FE4, {0x3C1, 0x313, 0x0}},
    {0x1FE6, {0x3C5, 0x342, 0x0}}, {0x1FE7, {0x3C5, 0x308, 0x342}}, {0x1FF2, {0x1F7C, 0x3B9, 0x0}},
    {0x1FF3, {0x3C9, 0x3B9, 0x0}}, {0x1FF4, {0x3CE, 0x3B9, 0x0}}, {0x1FF6, {0x3C9, 0x342, 0x0}},
    {0x1FF7, {0x3C9, 0x342, 0x3B9}}, {0x1FFC, {0x3C9, 0x3B9, 0x0}}, {0xFB00, {0x66, 0x66, 0x0}},
    {0xFB01, {0x66, 0x69, 0x0}}, {0xFB02, {0x66, 0x6C, 0x0}}, {0xFB03, {0x66, 0x66, 0x69}},
    {0xFB04, {0x66, 0x66, 0x6C}}, {0xFB05, {0x73, 0x74, 0x0}}, {0xFB06, {0x73, 0x74, 0x0}},
    {0xFB13, {0x574, 0x576, 0x0}}, {0xFB14, {0x574, 0x565, 0x0}}, {0xFB15, {0x574, 0x56B, 0x0}},
    {0xFB16, {0x57E, 0x576, 0x0}}, {0xFB17, {0x574, 0x56D, 0x0}},
};

// ---- Character properties ---------------------------------------------------------------

static bool in_ranges(const uint32_t (*r)[2], size_t n, uint32_t c) {
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (c < r[mid][0]) hi = mid;
        else if (c > r[mid][1]) lo = mid + 1;
        else return true;
    }
    return false;
}
#define IN_RANGES(tbl, c) in_ranges(tbl, sizeof tbl / sizeof tbl[0], c)

static const CaseSpecial *find_special(const CaseSpecial *t, size_t n, uint32_t c) {
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (c < t[mid].cp) hi = mid;
        else if (c > t[mid].cp) lo = mid + 1;
        else return &t[mid];
    }
    return NULL;
}
#define FIND_SPECIAL(tbl, c) find_special(tbl, sizeof tbl / sizeof tbl[0], c)

// Py_UNICODE_ISSPACE.
static inline bool uc_isspace(uint32_t c) {
    if (c < 128) return (c >= 9 && c <= 13) || (c >= 0x1C && c <= 0x20);
    switch (c) {
    case 0x85: case 0xA0: case 0x1680: case 0x2028: case 0x2029: case 0x202F: case 0x205F: case 0x3000:
        return true;
    default:
        return c >= 0x2000 && c <= 0x200A;
    }
}

// Py_UNICODE_ISLINEBREAK.
static inline bool uc_islinebreak(uint32_t c) {
    switch (c) {
    case '\n': case '\r': case 0x0B: case 0x0C: case 0x1C: case 0x1D: case 0x1E: case 0x85: case 0x2028: case 0x2029:
        return true;
    default:
        return false;
    }
}

static bool uc_istitle(uint32_t c) { return c >= 0x1C5 && IN_RANGES(title_ranges, c); }
static bool uc_isupper(uint32_t c) {
    if (c < 128) return c >= 'A' && c <= 'Z';
    return iswupper((wint_t)c) && !uc_istitle(c);
}
static bool uc_islower(uint32_t c) {
    if (c < 128) return c >= 'a' && c <= 'z';
    return iswlower((wint_t)c) && !uc_istitle(c);
}
static bool uc_iscased(uint32_t c) {
    if (c < 128) return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
    return iswupper((wint_t)c) || iswlower((wint_t)c) || uc_istitle(c);
}
static bool uc_iscaseignorable(uint32_t c) { return IN_RANGES(case_ignorable_ranges, c); }
static bool uc_isdecimal(uint32_t c) { return fmt_unicode_decimal(c) >= 0; }
static bool uc_isdigit(uint32_t c) { return uc_isdecimal(c) || IN_RANGES(digit_ranges, c); }
static bool uc_isnumeric(uint32_t c) { return uc_isdigit(c) || IN_RANGES(numeric_ranges, c); }
static bool uc_isalpha(uint32_t c) {
    if (c < 128) return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
    return iswalpha((wint_t)c) && !uc_isdecimal(c) && !IN_RANGES(nonalpha_ranges, c);
}
static bool uc_isalnum(uint32_t c) { return uc_isalpha(c) || uc_isnumeric(c); }

// Full case mappings (_PyUnicode_ToLowerFull and friends): up to 3 code points.
static int lower_full(uint32_t c, uint32_t *out) {
    if (c < 128) {
        out[0] = (c >= 'A' && c <= 'Z') ? c + 32 : c;
        return 1;
    }
    if (c < 0x100) {    // Latin-1
        out[0] = (c >= 0xC0 && c <= 0xDE && c != 0xD7) ? c + 32 : c;
        return 1;
    }
    if (c == 0x130) {   // the only lowercase mapping longer than one code point
        out[0] = 'i';
        out[1] = 0x307;
        return 2;
    }
    out[0] = (uint32_t)towlower((wint_t)c);
    return 1;
}

static int copy_special(const CaseSpecial *s, uint32_t *out) {
    int n = 0;
    while (n < 3 && s->map[n]) {
        out[n] = s->map[n];
        n++;
    }
    return n;
}

static int upper_full(uint32_t c, uint32_t *out) {
    if (c < 128) {
        out[0] = (c >= 'a' && c <= 'z') ? c - 32 : c;
        return 1;
    }
    if (c < 0x100 && c != 0xDF && c != 0xB5 && c != 0xFF) {   // Latin-1 (ß, µ and ÿ leave it)
        out[0] = (c >= 0xE0 && c <= 0xFE && c != 0xF7) ? c - 32 : c;
        return 1;
    }
    if (c >= 0xDF) {    // the first multi-character mapping is ß's
        const CaseSpecial *s = FIND_SPECIAL(upper_special, c);
        if (s) return copy_special(s, out);
    }
    out[0] = (uint32_t)towupper((wint_t)c);
    return 1;
}

static int title_full(uint32_t c, uint32_t *out) {
    if (c >= 128) {
        const CaseSpecial *s = FIND_SPECIAL(title_special, c);
        if (s) return copy_special(s, out);
    }
    return upper_full(c, out);
}

static int fold_full(uint32_t c, uint32_t *out) {
    if (c >= 128) {
        // Cherokee folds to its uppercase letters.
        if (c >= 0x13A0 && c <= 0x13F5) return out[0] = c, 1;
        if (c >= 0x13F8 && c <= 0x13FD) return out[0] = c - 8, 1;
        if (c >= 0xAB70 && c <= 0xABBF) return out[0] = c - 0xAB70 + 0x13A0, 1;
        const CaseSpecial *s = FIND_SPECIAL(fold_special, c);
        if (s) return copy_special(s, out);
    }
    return lower_full(c, out);
}

// lower_ucs4: the lowercase of the code point c at bytes [i, i+len) of s,
// with Greek capital sigma becoming final sigma at the end of a word
// (handle_capital_sigma).
static inline ssize_t prev_cp_start(const char *s, ssize_t pos);
static int lower_ctx(const char *s, ssize_t nb, ssize_t i, int len, uint32_t c, uint32_t *out) {
    if (c != 0x3A3) return lower_full(c, out);
    uint32_t d = 0;
    bool found = false;
    for (ssize_t j = i; j > 0;) {
        int l;
        j = prev_cp_start(s, j);
        d = utf8_decode(s + j, &l);
        if (!uc_iscaseignorable(d)) {
            found = true;
            break;
        }
    }
    bool final_sigma = found && uc_iscased(d);
    if (final_sigma && i + len < nb) {
        found = false;
        for (ssize_t q = i + len; q < nb;) {
            int l;
            d = utf8_decode(s + q, &l);
            if (!uc_iscaseignorable(d)) {
                found = true;
                break;
            }
            q += l;
        }
        final_sigma = !found || !uc_iscased(d);
    }
    out[0] = final_sigma ? 0x3C2 : 0x3C3;
    return 1;
}

// ---- Small helpers -------------------------------------------------------------------------

static inline uint32_t decode_at(const char *p, int *len) {
    if ((unsigned char)p[0] < 0x80) {
        *len = 1;
        return (unsigned char)p[0];
    }
    return utf8_decode(p, len);
}

// The byte offset of the code point that ends just before byte position pos.
static inline ssize_t prev_cp_start(const char *s, ssize_t pos) {
    do pos--; while (pos > 0 && ((unsigned char)s[pos] & 0xC0) == 0x80);
    return pos;
}

// Bytes taken by the first ncp code points of p.
static ssize_t cp_advance(const char *p, ssize_t limit, ssize_t ncp) {
    ssize_t b = 0;
    while (ncp > 0 && b < limit) {
        b++;
        while (b < limit && ((unsigned char)p[b] & 0xC0) == 0x80) b++;
        ncp--;
    }
    return b;
}

// A str of bytes [b0, b1) of self; self itself when that is all of an exact str.
static Object *sub_bytes(Object *self, ssize_t b0, ssize_t b1) {
    if (b0 == 0 && b1 == STR_NBYTES(self) && STR_CHECK_EXACT(self)) return NEWREF(self);
    const char *p = STR_DATA(self) + b0;
    ssize_t n = b1 - b0;
    return str_from_utf8_len(p, n, STR_ASCII(self) ? n : utf8_count(p, n));
}

// unicode_result_unchanged: self for an exact str, else an exact copy.
static Object *unchanged(Object *self) {
    if (STR_CHECK_EXACT(self)) return NEWREF(self);
    return str_from_utf8_len(STR_DATA(self), STR_NBYTES(self), STR_LEN(self));
}

// The first occurrence of nd in hay. Short needles in ordinary text are found
// fastest by memchr on the first byte and a compare; when that keeps hitting
// false candidates, glibc's two-way memmem takes over (linear worst case).
static ssize_t find_bytes(const char *hay, ssize_t hn, const char *nd, ssize_t nn) {
    if (nn == 0) return 0;
    if (nn > hn) return -1;
    if (nn == 1) {
        const char *p = memchr(hay, nd[0], (size_t)hn);
        return p ? p - hay : -1;
    }
    ssize_t i = 0, last = hn - nn, misses = 0;
    while (i <= last) {
        const char *p = memchr(hay + i, nd[0], (size_t)(last - i + 1));
        if (!p) return -1;
        i = p - hay;
        if (memcmp(p + 1, nd + 1, (size_t)nn - 1) == 0) return i;
        i++;
        if (++misses > 16 + (i >> 4)) {
            p = memmem(hay + i, (size_t)(hn - i), nd, (size_t)nn);
            return p ? p - hay : -1;
        }
    }
    return -1;
}

// Occurrences of the byte c in [p, p+n), eight bytes at a time.
static ssize_t count_byte(const char *p, ssize_t n, unsigned char c) {
    const uint64_t ones = 0x0101010101010101ULL, low7 = 0x7F7F7F7F7F7F7F7FULL;
    uint64_t pat = ones * c;
    ssize_t count = 0, i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, p + i, 8);
        w ^= pat;   // zero bytes where p[i] == c
        uint64_t t = ~(((w & low7) + low7) | w | low7);
        count += __builtin_popcountll(t);
    }
    for (; i < n; i++) count += (unsigned char)p[i] == c;
    return count;
}

static ssize_t rfind_bytes(const char *hay, ssize_t hn, const char *nd, ssize_t nn) {
    if (nn == 0) return hn;
    if (nn > hn) return -1;
    ssize_t i = hn - nn;   // last possible start
    for (;;) {
        const char *p = memrchr(hay, nd[0], (size_t)i + 1);
        if (!p) return -1;
        i = p - hay;
        if (memcmp(p, nd, (size_t)nn) == 0) return i;
        if (i == 0) return -1;
        i--;
    }
}

// The arguments of AC-converted "Py_ssize_t" and "int" parameters.
static int arg_ssize(Object *o, ssize_t *out) {
    Object *i = num_index(o);
    if (!i) return -1;
    long v;
    int ok = int_as_long_fast(i, &v);
    DECREF(i);
    if (ok < 0) {
        vm_raise(Exc_OverflowError, "Python int too large to convert to C ssize_t");
        return -1;
    }
    *out = v;
    return 0;
}

static int arg_int(Object *o, int *out) {
    Object *i = num_index(o);
    if (!i) return -1;
    long v;
    int ok = int_as_long_fast(i, &v);
    DECREF(i);
    if (ok < 0 || v > INT_MAX || v < INT_MIN) {
        vm_raise(Exc_OverflowError, "Python int too large to convert to C int");
        return -1;
    }
    *out = (int)v;
    return 0;
}

// _PyEval_SliceIndex: None leaves *out alone; ints are clamped to ssize_t.
static int arg_slice_index(Object *o, ssize_t *out) {
    if (!o || o == None) return 0;
    if (!INT_CHECK(o) && !TYPE(o)->nb_index) {
        vm_raise(Exc_TypeError, "slice indices must be integers or None or have an __index__ method");
        return -1;
    }
    ssize_t v = num_as_ssize(o, NULL);
    if (v == -1 && err_occurred()) return -1;
    *out = v;
    return 0;
}

// The type name Argument Clinic's "must be str, not X" messages use (None for None).
static const char *ac_type_name(Object *o) { return o == None ? "None" : type_name(TYPE(o)); }

// The fill character of center/ljust/rjust (convert_uc).
static int arg_fillchar(Object *o, uint32_t *out) {
    if (!STR_CHECK(o)) {
        vm_raise(Exc_TypeError, "The fill character must be a unicode character, not %s", type_name(TYPE(o)));
        return -1;
    }
    if (STR_LEN(o) != 1) {
        vm_raise(Exc_TypeError, "The fill character must be exactly one character long");
        return -1;
    }
    int len;
    *out = decode_at(STR_DATA(o), &len);
    return 0;
}

// Argument Clinic's keyword parsing for the methods that take keywords (all
// parameters optional): names[i] binds out[i].
static int ac_parse_kw(const char *fname, Object *const *args, ssize_t nargs, Object *kwnames,
                       const char *const *names, int n, Object **out) {
    ssize_t nkw = kwnames ? TUPLE_SIZE(kwnames) : 0;
    if (nargs + nkw > n) {
        vm_raise(Exc_TypeError, "%s() takes at most %d argument%s (%zd given)", fname, n, n == 1 ? "" : "s",
                 nargs + nkw);
        return -1;
    }
    for (int i = 0; i < n; i++) out[i] = i < nargs ? args[i] : NULL;
    for (ssize_t k = 0; k < nkw; k++) {
        Object *kn = TUPLE_ITEMS(kwnames)[k];
        int found = -1;
        for (int i = 0; i < n; i++)
            if (strcmp(STR_DATA(kn), names[i]) == 0) found = i;
        if (found < 0) {
            vm_raise(Exc_TypeError, "'%U' is an invalid keyword argument for %s()", kn, fname);
            return -1;
        }
        if (found < nargs) {
            vm_raise(Exc_TypeError, "argument for %s() given by name ('%s') and position (%d)", fname,
                     names[found], found + 1);
            return -1;
        }
        out[found] = args[nargs + k];
    }
    return 0;
}

#define NOARGS(name)                                                                            \
    do {                                                                                        \
        if (args_no_kw("str." name, kwnames) < 0 || args_count("str." name, nargs, 0, 0) < 0)  \
            return NULL;                                                                        \
    } while (0)
#define ONEARG(name)                                                                            \
    do {                                                                                        \
        if (args_no_kw("str." name, kwnames) < 0 || args_count("str." name, nargs, 1, 1) < 0)  \
            return NULL;                                                                        \
    } while (0)
#define POSARGS(name, lo, hi)                                                                   \
    do {                                                                                        \
        if (args_no_kw("str." name, kwnames) < 0 || args_count(name, nargs, lo, hi) < 0)        \
            return NULL;                                                                        \
    } while (0)

// ---- Case conversion ----------------------------------------------------------------------------

enum { CASE_LOWER, CASE_UPPER, CASE_FOLD, CASE_SWAP, CASE_TITLE, CASE_CAPITALIZE };

#define ONES64 0x0101010101010101ULL

// For eight ASCII bytes in w: 0x80 in each byte b with lo <= b <= hi.
static inline uint64_t ascii_range_mask(uint64_t w, unsigned char lo, unsigned char hi) {
    uint64_t ge_lo = w + ONES64 * (uint64_t)(0x80 - lo);
    uint64_t gt_hi = w + ONES64 * (uint64_t)(0x80 - hi - 1);
    return ge_lo & ~gt_hi & (ONES64 * 0x80);
}

// Decodes self into a malloc'd array of STR_LEN code points.
static uint32_t *decode_all(Object *self) {
    ssize_t n = STR_LEN(self);
    uint32_t *cps = malloc(sizeof(uint32_t) * (size_t)(n ? n : 1));
    if (!cps) {
        err_no_memory();
        return NULL;
    }
    const char *p = STR_DATA(self);
    for (ssize_t i = 0; i < n; i++) {
        int len;
        cps[i] = decode_at(p, &len);
        p += len;
    }
    return cps;
}


static Object *case_convert(Object *self, int mode) {
    ssize_t nb = STR_NBYTES(self);
    if (nb == 0) return str_empty();
    const unsigned char *s = (const unsigned char *)STR_DATA(self);
    if (STR_ASCII(self)) {
        Object *r = str_new_raw(nb);
        if (!r) return NULL;
        unsigned char *d = (unsigned char *)STR_DATA(r);
        switch (mode) {
        case CASE_LOWER:
        case CASE_FOLD:
        case CASE_UPPER:
        case CASE_SWAP: {
            // Eight bytes at a time: flip bit 5 of the letters concerned.
            unsigned char lo = mode == CASE_UPPER ? 'a' : 'A', hi = mode == CASE_UPPER ? 'z' : 'Z';
            uint64_t fold = mode == CASE_SWAP ? ONES64 * 0x20 : 0;
            if (mode == CASE_SWAP) lo = 'a', hi = 'z';
            ssize_t i = 0;
            for (; i + 8 <= nb; i += 8) {
                uint64_t w;
                memcpy(&w, s + i, 8);
                w ^= ascii_range_mask(w | fold, lo, hi) >> 2;
                memcpy(d + i, &w, 8);
            }
            for (; i < nb; i++) {
                unsigned char c = s[i];
                d[i] = c ^ ((((c | (unsigned char)fold) - lo) & 0xFF) <= (unsigned)(hi - lo) ? 0x20 : 0);
            }
            break;
        }
        default: {
            bool prev_cased = false;
            for (ssize_t i = 0; i < nb; i++) {
                unsigned char c = s[i];
                bool up = c >= 'A' && c <= 'Z', lo = c >= 'a' && c <= 'z';
                bool to_lower = mode == CASE_TITLE ? prev_cased : i > 0;
                prev_cased = up || lo;
                d[i] = to_lower ? (up ? c + 32 : c) : (lo ? c - 32 : c);
            }
            break;
        }
        }
        return r;
    }
    // Non-ASCII: map code point by code point straight from the UTF-8.
    ssize_t cap = nb + nb / 2 + 16, k = 0;
    char *out = malloc((size_t)cap);
    if (!out) {
        err_no_memory();
        return NULL;
    }
    const char *t = (const char *)s;
    bool prev_cased = false;
    for (ssize_t i = 0; i < nb;) {
        if (cap - k < 12) {
            cap *= 2;
            char *o = realloc(out, (size_t)cap);
            if (!o) {
                free(out);
                err_no_memory();
                return NULL;
            }
            out = o;
        }
        unsigned char b = s[i];
        if (b < 0x80 && mode <= CASE_SWAP) {
            bool up = b >= 'A' && b <= 'Z', lo = b >= 'a' && b <= 'z';
            bool flip = mode == CASE_UPPER ? lo : mode == CASE_SWAP ? (up || lo) : up;
            out[k++] = (char)(flip ? b ^ 0x20 : b);
            i++;
            continue;
        }
        int len;
        uint32_t c = b < 0x80 ? (len = 1, b) : decode_at(t + i, &len);
        uint32_t m[3];
        int n;
        switch (mode) {
        case CASE_LOWER: n = lower_ctx(t, nb, i, len, c, m); break;
        case CASE_UPPER: n = upper_full(c, m); break;
        case CASE_FOLD: n = fold_full(c, m); break;
        case CASE_SWAP:
            if (uc_isupper(c)) n = lower_ctx(t, nb, i, len, c, m);
            else if (uc_islower(c)) n = upper_full(c, m);
            else m[0] = c, n = 1;
            break;
        case CASE_TITLE:
            n = prev_cased ? lower_ctx(t, nb, i, len, c, m) : title_full(c, m);
            prev_cased = uc_iscased(c);
            break;
        default:
            n = i == 0 ? title_full(c, m) : lower_ctx(t, nb, i, len, c, m);
            break;
        }
        for (int j = 0; j < n; j++) {
            if (m[j] < 0x80) out[k++] = (char)m[j];
            else k += utf8_encode(m[j], out + k);
        }
        i += len;
    }
    Object *r = str_from_utf8_len(out, k, utf8_count(out, k));
    free(out);
    return r;
}

static Object *str_lower(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    NOARGS("lower");
    return case_convert(self, CASE_LOWER);
}
static Object *str_upper(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    NOARGS("upper");
    return case_convert(self, CASE_UPPER);
}
static Object *str_casefold(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    NOARGS("casefold");
    return case_convert(self, CASE_FOLD);
}
static Object *str_swapcase(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    NOARGS("swapcase");
    return case_convert(self, CASE_SWAP);
}
static Object *str_title(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    NOARGS("title");
    return case_convert(self, CASE_TITLE);
}
static Object *str_capitalize(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    NOARGS("capitalize");
    return case_convert(self, CASE_CAPITALIZE);
}

// ---- Predicates -----------------------------------------------------------------------------------

// True when every code point satisfies pred (False for '').
static Object *all_cps(Object *self, bool (*pred)(uint32_t)) {
    const char *p = STR_DATA(self), *end = p + STR_NBYTES(self);
    if (p == end) return NEWREF(False);
    while (p < end) {
        int len;
        uint32_t c = decode_at(p, &len);
        if (!pred(c)) return NEWREF(False);
        p += len;
    }
    return NEWREF(True);
}

#define PREDICATE(name, pred)                                                                      \
    static Object *str_##name(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) { \
        NOARGS(#name);                                                                             \
        return all_cps(self, pred);                                                                \
    }
PREDICATE(isalpha, uc_isalpha)
PREDICATE(isalnum, uc_isalnum)
PREDICATE(isdecimal, uc_isdecimal)
PREDICATE(isdigit, uc_isdigit)
PREDICATE(isnumeric, uc_isnumeric)
PREDICATE(isspace, uc_isspace)

static Object *str_isascii(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    NOARGS("isascii");
    return NEWREF(bool_from(STR_ASCII(self)));
}

static Object *str_islower(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    NOARGS("islower");
    const char *p = STR_DATA(self), *end = p + STR_NBYTES(self);
    bool cased = false;
    while (p < end) {
        int len;
        uint32_t c = decode_at(p, &len);
        if (uc_isupper(c) || uc_istitle(c)) return NEWREF(False);
        if (!cased && uc_islower(c)) cased = true;
        p += len;
    }
    return NEWREF(bool_from(cased));
}

static Object *str_isupper(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    NOARGS("isupper");
    const char *p = STR_DATA(self), *end = p + STR_NBYTES(self);
    bool cased = false;
    while (p < end) {
        int len;
        uint32_t c = decode_at(p, &len);
        if (uc_islower(c) || uc_istitle(c)) return NEWREF(False);
        if (!cased && uc_isupper(c)) cased = true;
        p += len;
    }
    return NEWREF(bool_from(cased));
}

static Object *str_istitle(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    NOARGS("istitle");
    const char *p = STR_DATA(self), *end = p + STR_NBYTES(self);
    bool cased = false, prev_cased = false;
    while (p < end) {
        int len;
        uint32_t c = decode_at(p, &len);
        if (uc_isupper(c) || uc_istitle(c)) {
            if (prev_cased) return NEWREF(False);
            prev_cased = cased = true;
        } else if (uc_islower(c)) {
            if (!prev_cased) return NEWREF(False);
            prev_cased = cased = true;
        } else {
            prev_cased = false;
        }
        p += len;
    }
    return NEWREF(bool_from(cased));
}

static Object *str_isidentifier(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    NOARGS("isidentifier");
    const char *p = STR_DATA(self), *end = p + STR_NBYTES(self);
    if (p == end) return NEWREF(False);
    int len;
    uint32_t c = decode_at(p, &len);
    if (!lexer_is_xid_start(c) && c != '_') return NEWREF(False);
    for (p += len; p < end; p += len) {
        c = decode_at(p, &len);
        if (!lexer_is_xid_continue(c)) return NEWREF(False);
    }
    return NEWREF(True);
}

static Object *str_isprintable(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    NOARGS("isprintable");
    const char *p = STR_DATA(self), *end = p + STR_NBYTES(self);
    while (p < end) {
        int len;
        uint32_t c = decode_at(p, &len);
        if (!lexer_is_printable(c)) return NEWREF(False);
        p += len;
    }
    return NEWREF(True);
}

// ---- Searching: find, rfind, index, rindex, count, startswith, endswith ---------------------------

// ADJUST_INDICES.
static void adjust_indices(ssize_t *start, ssize_t *end, ssize_t len) {
    if (*end > len) {
        *end = len;
    } else if (*end < 0) {
        *end += len;
        if (*end < 0) *end = 0;
    }
    if (*start < 0) {
        *start += len;
        if (*start < 0) *start = 0;
    }
}

// The byte offsets of code points [start, end) of s (0 <= start, end <= len).
static void byte_range(Object *s, ssize_t start, ssize_t end, ssize_t *b0, ssize_t *b1) {
    if (STR_ASCII(s)) {
        *b0 = start;
        *b1 = end > start ? end : start;
        return;
    }
    ssize_t len = STR_LEN(s), nb = STR_NBYTES(s);
    *b0 = start <= 0 ? 0 : start >= len ? nb : str_byte_offset(s, start);
    if (end <= start) *b1 = *b0;
    else if (end >= len) *b1 = nb;
    else *b1 = *b0 + cp_advance(STR_DATA(s) + *b0, nb - *b0, end - start);
}

// stringlib_parse_args_finds: (sub[, start[, end]]), positional only.
static int parse_finds(const char *name, Object *const *args, ssize_t nargs, Object *kwnames, ssize_t *start,
                       ssize_t *end) {
    if (kwnames && TUPLE_SIZE(kwnames)) {
        vm_raise(Exc_TypeError, "str.%s() takes no keyword arguments", name);
        return -1;
    }
    if (nargs < 1) {
        vm_raise(Exc_TypeError, "%s() takes at least 1 argument (%zd given)", name, nargs);
        return -1;
    }
    if (nargs > 3) {
        vm_raise(Exc_TypeError, "%s() takes at most 3 arguments (%zd given)", name, nargs);
        return -1;
    }
    *start = 0;
    *end = SSIZE_MAX;
    if (nargs > 1 && arg_slice_index(args[1], start) < 0) return -1;
    if (nargs > 2 && arg_slice_index(args[2], end) < 0) return -1;
    return 0;
}

// any_find_slice: the code point index of sub in self[start:end] (dir > 0:
// first, else last), or -1.
static ssize_t find_cp(Object *self, Object *sub, ssize_t start, ssize_t end, int dir) {
    ssize_t sublen = STR_LEN(sub);
    adjust_indices(&start, &end, STR_LEN(self));
    if (end - start < sublen) return -1;
    if (sublen == 0) return dir > 0 ? start : end;
    ssize_t b0, b1;
    byte_range(self, start, end, &b0, &b1);
    const char *d = STR_DATA(self) + b0;
    ssize_t pos = dir > 0 ? find_bytes(d, b1 - b0, STR_DATA(sub), STR_NBYTES(sub))
                          : rfind_bytes(d, b1 - b0, STR_DATA(sub), STR_NBYTES(sub));
    if (pos < 0) return -1;
    return start + (STR_ASCII(self) ? pos : utf8_count(d, pos));
}

static Object *find_common(const char *name, Object *self, Object *const *args, ssize_t nargs, Object *kwnames,
                           int dir, bool raise) {
    ssize_t start, end;
    if (parse_finds(name, args, nargs, kwnames, &start, &end) < 0) return NULL;
    if (!STR_CHECK(args[0])) return vm_raise(Exc_TypeError, "must be str, not %s", type_name(TYPE(args[0])));
    ssize_t r = find_cp(self, args[0], start, end, dir);
    if (r < 0 && raise) return vm_raise(Exc_ValueError, "substring not found");
    return int_from_ssize(r);
}

static Object *str_find(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    return find_common("find", self, args, nargs, kwnames, 1, false);
}
static Object *str_rfind(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    return find_common("rfind", self, args, nargs, kwnames, -1, false);
}
static Object *str_index(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    return find_common("index", self, args, nargs, kwnames, 1, true);
}
static Object *str_rindex(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    return find_common("rindex", self, args, nargs, kwnames, -1, true);
}

static Object *str_count(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    ssize_t start, end;
    if (parse_finds("count", args, nargs, kwnames, &start, &end) < 0) return NULL;
    Object *sub = args[0];
    if (!STR_CHECK(sub)) return vm_raise(Exc_TypeError, "must be str, not %s", type_name(TYPE(sub)));
    ssize_t sublen = STR_LEN(sub);
    adjust_indices(&start, &end, STR_LEN(self));
    if (end - start < sublen) return int_from_long(0);
    if (sublen == 0) return int_from_ssize(end - start + 1);
    ssize_t b0, b1;
    byte_range(self, start, end, &b0, &b1);
    const char *p = STR_DATA(self) + b0, *e = STR_DATA(self) + b1, *nd = STR_DATA(sub);
    ssize_t nn = STR_NBYTES(sub), count = 0;
    if (nn == 1) return int_from_ssize(count_byte(p, e - p, (unsigned char)nd[0]));
    while (e - p >= nn) {
        ssize_t pos = find_bytes(p, e - p, nd, nn);
        if (pos < 0) break;
        count++;
        p += pos + nn;
    }
    return int_from_ssize(count);
}

// tailmatch: does self[start:end] start (dir < 0) or end (dir > 0) with sub?
static bool tailmatch(Object *self, Object *sub, ssize_t start, ssize_t end, int dir) {
    ssize_t sublen = STR_LEN(sub), nn = STR_NBYTES(sub);
    adjust_indices(&start, &end, STR_LEN(self));
    end -= sublen;
    if (end < start) return false;
    if (sublen == 0) return true;
    if (dir < 0) {
        ssize_t b = STR_ASCII(self) ? start : str_byte_offset(self, start);
        return b + nn <= STR_NBYTES(self) && memcmp(STR_DATA(self) + b, STR_DATA(sub), (size_t)nn) == 0;
    }
    ssize_t e = end + sublen;
    ssize_t b = STR_ASCII(self) ? e : str_byte_offset(self, e);
    return b - nn >= 0 && memcmp(STR_DATA(self) + b - nn, STR_DATA(sub), (size_t)nn) == 0;
}

static Object *startsendswith(const char *name, Object *self, Object *const *args, ssize_t nargs,
                              Object *kwnames, int dir) {
    ssize_t start, end;
    if (parse_finds(name, args, nargs, kwnames, &start, &end) < 0) return NULL;
    Object *x = args[0];
    if (TUPLE_CHECK(x)) {
        for (ssize_t i = 0; i < TUPLE_SIZE(x); i++) {
            Object *s = TUPLE_ITEMS(x)[i];
            if (!STR_CHECK(s))
                return vm_raise(Exc_TypeError, "tuple for %s must only contain str, not %s", name,
                                type_name(TYPE(s)));
            if (tailmatch(self, s, start, end, dir)) return NEWREF(True);
        }
        return NEWREF(False);
    }
    if (!STR_CHECK(x))
        return vm_raise(Exc_TypeError, "%s first arg must be str or a tuple of str, not %s", name,
                        type_name(TYPE(x)));
    return NEWREF(bool_from(tailmatch(self, x, start, end, dir)));
}

static Object *str_startswith(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    return startsendswith("startswith", self, args, nargs, kwnames, -1);
}
static Object *str_endswith(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    return startsendswith("endswith", self, args, nargs, kwnames, 1);
}

// ---- Stripping --------------------------------------------------------------------------------------

enum { STRIP_LEFT = 1, STRIP_RIGHT = 2, STRIP_BOTH = 3 };

// A set of code points for strip(chars).
typedef struct {
    uint64_t ascii[2];
    uint32_t *cps;          // the non-ASCII members, or NULL
    ssize_t n;
} CharSet;

static int charset_init(CharSet *cs, Object *chars) {
    cs->ascii[0] = cs->ascii[1] = 0;
    cs->cps = NULL;
    cs->n = 0;
    const char *p = STR_DATA(chars), *end = p + STR_NBYTES(chars);
    if (!STR_ASCII(chars)) {
        cs->cps = malloc(sizeof(uint32_t) * (size_t)STR_LEN(chars));
        if (!cs->cps) {
            err_no_memory();
            return -1;
        }
    }
    while (p < end) {
        int len;
        uint32_t c = decode_at(p, &len);
        if (c < 128) cs->ascii[c >> 6] |= (uint64_t)1 << (c & 63);
        else cs->cps[cs->n++] = c;
        p += len;
    }
    return 0;
}

static bool charset_has(const CharSet *cs, uint32_t c) {
    if (c < 128) return (cs->ascii[c >> 6] >> (c & 63)) & 1;
    for (ssize_t i = 0; i < cs->n; i++)
        if (cs->cps[i] == c) return true;
    return false;
}

static Object *do_strip(Object *self, Object *chars, int how) {
    const char *s = STR_DATA(self);
    ssize_t i = 0, j = STR_NBYTES(self);
    CharSet cs = {{0, 0}, NULL, 0};
    bool ws = !chars;
    if (!ws && charset_init(&cs, chars) < 0) return NULL;
    if (how & STRIP_LEFT) {
        while (i < j) {
            int len;
            uint32_t c = decode_at(s + i, &len);
            if (ws ? !uc_isspace(c) : !charset_has(&cs, c)) break;
            i += len;
        }
    }
    if (how & STRIP_RIGHT) {
        while (j > i) {
            ssize_t k = prev_cp_start(s, j);
            int len;
            uint32_t c = decode_at(s + k, &len);
            if (ws ? !uc_isspace(c) : !charset_has(&cs, c)) break;
            j = k;
        }
    }
    if (!ws) free(cs.cps);
    return sub_bytes(self, i, j);
}

static Object *strip_common(const char *name, Object *self, Object *const *args, ssize_t nargs, Object *kwnames,
                            int how) {
    if (kwnames && TUPLE_SIZE(kwnames))
        return vm_raise(Exc_TypeError, "str.%s() takes no keyword arguments", name);
    if (args_count(name, nargs, 0, 1) < 0) return NULL;
    Object *chars = nargs ? args[0] : NULL;
    if (chars == None) chars = NULL;
    if (chars && !STR_CHECK(chars)) return vm_raise(Exc_TypeError, "%s arg must be None or str", name);
    return do_strip(self, chars, how);
}

static Object *str_strip(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    return strip_common("strip", self, args, nargs, kwnames, STRIP_BOTH);
}
static Object *str_lstrip(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    return strip_common("lstrip", self, args, nargs, kwnames, STRIP_LEFT);
}
static Object *str_rstrip(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    return strip_common("rstrip", self, args, nargs, kwnames, STRIP_RIGHT);
}

static Object *str_removeprefix(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    ONEARG("removeprefix");
    Object *x = args[0];
    if (!STR_CHECK(x)) return vm_raise(Exc_TypeError, "removeprefix() argument must be str, not %s", ac_type_name(x));
    ssize_t n = STR_NBYTES(x);
    if (n <= STR_NBYTES(self) && memcmp(STR_DATA(self), STR_DATA(x), (size_t)n) == 0)
        return sub_bytes(self, n, STR_NBYTES(self));
    return unchanged(self);
}

static Object *str_removesuffix(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    ONEARG("removesuffix");
    Object *x = args[0];
    if (!STR_CHECK(x)) return vm_raise(Exc_TypeError, "removesuffix() argument must be str, not %s", ac_type_name(x));
    ssize_t n = STR_NBYTES(x), nb = STR_NBYTES(self);
    if (n > 0 && n <= nb && memcmp(STR_DATA(self) + nb - n, STR_DATA(x), (size_t)n) == 0)
        return sub_bytes(self, 0, nb - n);
    return unchanged(self);
}

// ---- Splitting and partitioning ---------------------------------------------------------------------

// Appends self's bytes [b0, b1) to list.
static int list_add_sub(Object *list, Object *self, ssize_t b0, ssize_t b1) {
    Object *s = sub_bytes(self, b0, b1);
    if (!s) return -1;
    int r = list_append(list, s);
    DECREF(s);
    return r;
}

static void list_reverse_items(Object *list) {
    Object **a = LIST_ITEMS(list);
    for (ssize_t i = 0, j = LIST_SIZE(list) - 1; i < j; i++, j--) {
        Object *t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}

// Is the code point at byte i whitespace? Sets *len to its byte length.
static inline bool space_at(const char *s, ssize_t i, int *len) {
    unsigned char b = (unsigned char)s[i];
    if (b < 0x80) {
        *len = 1;
        return (b >= 9 && b <= 13) || (b >= 0x1C && b <= 0x20);
    }
    return uc_isspace(decode_at(s + i, len));
}

static Object *split_whitespace(Object *self, ssize_t maxcount) {
    const char *s = STR_DATA(self);
    ssize_t n = STR_NBYTES(self), i = 0, j;
    int len;
    Object *list = list_new(0);
    if (!list) return NULL;
    while (maxcount-- > 0) {
        while (i < n && space_at(s, i, &len)) i += len;
        if (i == n) break;
        j = i;
        while (i < n && !space_at(s, i, &len)) i += len;
        if (list_add_sub(list, self, j, i) < 0) goto fail;
    }
    if (i < n) {
        while (i < n && space_at(s, i, &len)) i += len;
        if (i != n && list_add_sub(list, self, i, n) < 0) goto fail;
    }
    return list;
fail:
    DECREF(list);
    return NULL;
}

static Object *rsplit_whitespace(Object *self, ssize_t maxcount) {
    const char *s = STR_DATA(self);
    ssize_t n = STR_NBYTES(self), i = n, j;   // i: end of the unscanned part
    int len;
    Object *list = list_new(0);
    if (!list) return NULL;
    while (maxcount-- > 0) {
        while (i > 0 && space_at(s, prev_cp_start(s, i), &len)) i = prev_cp_start(s, i);
        if (i == 0) break;
        j = i;
        while (i > 0 && !space_at(s, prev_cp_start(s, i), &len)) i = prev_cp_start(s, i);
        if (list_add_sub(list, self, i, j) < 0) goto fail;
    }
    if (i > 0) {
        while (i > 0 && space_at(s, prev_cp_start(s, i), &len)) i = prev_cp_start(s, i);
        if (i > 0 && list_add_sub(list, self, 0, i) < 0) goto fail;
    }
    list_reverse_items(list);
    return list;
fail:
    DECREF(list);
    return NULL;
}

static Object *split_common(const char *name, Object *self, Object *const *args, ssize_t nargs, Object *kwnames,
                            bool right) {
    static const char *const names[] = {"sep", "maxsplit"};
    Object *a[2];
    if (ac_parse_kw(name, args, nargs, kwnames, names, 2, a) < 0) return NULL;
    Object *sep = a[0] == None ? NULL : a[0];
    if (sep && !STR_CHECK(sep)) return vm_raise(Exc_TypeError, "must be str or None, not %s", type_name(TYPE(sep)));
    ssize_t maxcount = -1;
    if (a[1] && arg_ssize(a[1], &maxcount) < 0) return NULL;
    if (maxcount < 0) maxcount = SSIZE_MAX;
    if (!sep) return right ? rsplit_whitespace(self, maxcount) : split_whitespace(self, maxcount);
    ssize_t sn = STR_NBYTES(sep);
    if (sn == 0) return vm_raise(Exc_ValueError, "empty separator");
    const char *s = STR_DATA(self), *sp = STR_DATA(sep);
    ssize_t n = STR_NBYTES(self);
    Object *list = list_new(0);
    if (!list) return NULL;
    if (!right) {
        ssize_t i = 0;
        while (maxcount-- > 0) {
            ssize_t pos = find_bytes(s + i, n - i, sp, sn);
            if (pos < 0) break;
            if (list_add_sub(list, self, i, i + pos) < 0) goto fail;
            i += pos + sn;
        }
        if (list_add_sub(list, self, i, n) < 0) goto fail;
    } else {
        ssize_t j = n;
        while (maxcount-- > 0) {
            ssize_t pos = rfind_bytes(s, j, sp, sn);
            if (pos < 0) break;
            if (list_add_sub(list, self, pos + sn, j) < 0) goto fail;
            j = pos;
        }
        if (list_add_sub(list, self, 0, j) < 0) goto fail;
        list_reverse_items(list);
    }
    return list;
fail:
    DECREF(list);
    return NULL;
}

static Object *str_split(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    return split_common("split", self, args, nargs, kwnames, false);
}
static Object *str_rsplit(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    return split_common("rsplit", self, args, nargs, kwnames, true);
}

static Object *str_splitlines(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    static const char *const names[] = {"keepends"};
    Object *a[1];
    if (ac_parse_kw("splitlines", args, nargs, kwnames, names, 1, a) < 0) return NULL;
    int keepends = 0;
    if (a[0] && arg_int(a[0], &keepends) < 0) return NULL;
    const char *s = STR_DATA(self);
    ssize_t n = STR_NBYTES(self), i = 0, j = 0;
    Object *list = list_new(0);
    if (!list) return NULL;
    while (i < n) {
        int len = 1;
        while (i < n) {
            unsigned char b = (unsigned char)s[i];
            if (b < 0x80) {
                len = 1;
                if (b == '\n' || b == '\r' || b == 0x0B || b == 0x0C || (b >= 0x1C && b <= 0x1E)) break;
            } else if (uc_islinebreak(decode_at(s + i, &len))) {
                break;
            }
            i += len;
        }
        ssize_t eol = i;
        if (i < n) {
            if (s[i] == '\r' && i + 1 < n && s[i + 1] == '\n') i += 2;
            else i += len;
            if (keepends) eol = i;
        }
        if (list_add_sub(list, self, j, eol) < 0) {
            DECREF(list);
            return NULL;
        }
        j = i;
    }
    return list;
}

static Object *partition_common(Object *self, Object *sep, bool right) {
    if (!STR_CHECK(sep)) return vm_raise(Exc_TypeError, "must be str, not %s", type_name(TYPE(sep)));
    ssize_t sn = STR_NBYTES(sep), n = STR_NBYTES(self);
    if (sn == 0) return vm_raise(Exc_ValueError, "empty separator");
    ssize_t pos = right ? rfind_bytes(STR_DATA(self), n, STR_DATA(sep), sn)
                        : find_bytes(STR_DATA(self), n, STR_DATA(sep), sn);
    Object *empty = str_empty(), *r;
    if (pos < 0) {
        r = right ? tuple_pack(3, empty, empty, self) : tuple_pack(3, self, empty, empty);
        DECREF(empty);
        return r;
    }
    DECREF(empty);
    Object *head = sub_bytes(self, 0, pos);
    Object *tail = head ? sub_bytes(self, pos + sn, n) : NULL;
    r = tail ? tuple_pack(3, head, sep, tail) : NULL;
    XDECREF(head);
    XDECREF(tail);
    return r;
}

static Object *str_partition(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    ONEARG("partition");
    return partition_common(self, args[0], false);
}
static Object *str_rpartition(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    ONEARG("rpartition");
    return partition_common(self, args[0], true);
}

// ---- replace, join, padding, expandtabs ----------------------------------------------------------------

// A new str of nbytes UTF-8 bytes and length code points, to fill in.
static Object *new_str(ssize_t nbytes, ssize_t length) {
    if (nbytes == 0) return str_empty();
    Object *r = str_new_raw(nbytes);
    if (!r) return NULL;
    ((StrObject *)r)->length = length;
    ((StrObject *)r)->ascii = length == nbytes;
    return r;
}

static Object *do_replace(Object *self, Object *old, Object *new, ssize_t maxcount) {
    ssize_t slen = STR_LEN(self), len1 = STR_LEN(old), len2 = STR_LEN(new);
    ssize_t nb = STR_NBYTES(self), nb1 = STR_NBYTES(old), nb2 = STR_NBYTES(new);
    const char *s = STR_DATA(self);
    if (slen < len1) return unchanged(self);
    if (maxcount < 0) maxcount = SSIZE_MAX;
    else if (maxcount == 0) return unchanged(self);
    if (old == new || (nb1 == nb2 && memcmp(STR_DATA(old), STR_DATA(new), (size_t)nb1) == 0))
        return unchanged(self);
    if (len1 == 0) {
        // Insert new before every character and at the end.
        ssize_t n = slen + 1 < maxcount ? slen + 1 : maxcount;
        if (nb2 && n > (SSIZE_MAX - nb) / nb2) return vm_raise(Exc_OverflowError, "replace string is too long");
        Object *r = new_str(nb + n * nb2, slen + n * len2);
        if (!r) return NULL;
        char *d = STR_DATA(r);
        ssize_t i = 0;
        for (ssize_t k = 0; k < n; k++) {
            memcpy(d, STR_DATA(new), (size_t)nb2);
            d += nb2;
            if (i < nb) {
                int len = 1;
                while (i + len < nb && ((unsigned char)s[i + len] & 0xC0) == 0x80) len++;
                memcpy(d, s + i, (size_t)len);
                d += len;
                i += len;
            }
        }
        memcpy(d, s + i, (size_t)(nb - i));
        return r;
    }
    // Find the matches (remembering where), then build the result.
    ssize_t small[64], *pos = small, cap = 64, n = 0;
    for (ssize_t i = 0; n < maxcount;) {
        ssize_t at = find_bytes(s + i, nb - i, STR_DATA(old), nb1);
        if (at < 0) break;
        if (n == cap) {
            ssize_t *np = malloc(sizeof(ssize_t) * (size_t)cap * 2);
            if (!np) {
                if (pos != small) free(pos);
                err_no_memory();
                return NULL;
            }
            memcpy(np, pos, sizeof(ssize_t) * (size_t)n);
            if (pos != small) free(pos);
            pos = np;
            cap *= 2;
        }
        pos[n++] = i + at;
        i += at + nb1;
    }
    if (n == 0) return unchanged(self);
    Object *r = NULL;
    if (nb2 > nb1 && n > (SSIZE_MAX - nb) / (nb2 - nb1)) {
        vm_raise(Exc_OverflowError, "replace string is too long");
        goto done;
    }
    r = new_str(nb + n * (nb2 - nb1), slen + n * (len2 - len1));
    if (!r) goto done;
    char *d = STR_DATA(r);
    ssize_t i = 0;
    for (ssize_t k = 0; k < n; k++) {
        memcpy(d, s + i, (size_t)(pos[k] - i));
        d += pos[k] - i;
        memcpy(d, STR_DATA(new), (size_t)nb2);
        d += nb2;
        i = pos[k] + nb1;
    }
    memcpy(d, s + i, (size_t)(nb - i));
done:
    if (pos != small) free(pos);
    return r;
}

static Object *str_replace(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    POSARGS("replace", 2, 3);
    if (!STR_CHECK(args[0]))
        return vm_raise(Exc_TypeError, "replace() argument 1 must be str, not %s", ac_type_name(args[0]));
    if (!STR_CHECK(args[1]))
        return vm_raise(Exc_TypeError, "replace() argument 2 must be str, not %s", ac_type_name(args[1]));
    ssize_t count = -1;
    if (nargs > 2 && arg_ssize(args[2], &count) < 0) return NULL;
    return do_replace(self, args[0], args[1], count);
}

static Object *str_join_m(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    ONEARG("join");
    Object *it = args[0];
    if (LIST_CHECK_EXACT(it) || TUPLE_CHECK_EXACT(it)) return str_join(self, it);
    // PySequence_Fast(it, "can only join an iterable").
    Object *iter = obj_getiter(it);
    if (!iter) {
        if (err_matches(Exc_TypeError)) {
            err_clear();
            vm_raise(Exc_TypeError, "can only join an iterable");
        }
        return NULL;
    }
    Object *list = list_from_iter(iter);
    DECREF(iter);
    if (!list) return NULL;
    Object *r = str_join(self, list);
    DECREF(list);
    return r;
}

// pad(): left and right copies of fill around self.
static Object *pad(Object *self, ssize_t left, ssize_t right, uint32_t fill) {
    if (left < 0) left = 0;
    if (right < 0) right = 0;
    if (left == 0 && right == 0) return unchanged(self);
    ssize_t len = STR_LEN(self), nb = STR_NBYTES(self);
    if (left > SSIZE_MAX - len || right > SSIZE_MAX - (left + len))
        return vm_raise(Exc_OverflowError, "padded string is too long");
    char fb[4];
    int fl = utf8_encode(fill, fb);
    if (left + right > (SSIZE_MAX - nb - 64) / fl) {
        err_no_memory();
        return NULL;
    }
    Object *r = new_str(nb + (left + right) * fl, len + left + right);
    if (!r) return NULL;
    char *d = STR_DATA(r);
    if (fl == 1) {
        memset(d, fb[0], (size_t)left);
        d += left;
    } else {
        for (ssize_t i = 0; i < left; i++, d += fl) memcpy(d, fb, (size_t)fl);
    }
    memcpy(d, STR_DATA(self), (size_t)nb);
    d += nb;
    if (fl == 1) {
        memset(d, fb[0], (size_t)right);
    } else {
        for (ssize_t i = 0; i < right; i++, d += fl) memcpy(d, fb, (size_t)fl);
    }
    return r;
}

static int parse_width_fill(const char *name, Object *const *args, ssize_t nargs, Object *kwnames, ssize_t *width,
                            uint32_t *fill) {
    if (kwnames && TUPLE_SIZE(kwnames)) {
        vm_raise(Exc_TypeError, "str.%s() takes no keyword arguments", name);
        return -1;
    }
    if (args_count(name, nargs, 1, 2) < 0) return -1;
    if (arg_ssize(args[0], width) < 0) return -1;
    *fill = ' ';
    if (nargs > 1 && arg_fillchar(args[1], fill) < 0) return -1;
    return 0;
}

static Object *str_center(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    ssize_t width;
    uint32_t fill;
    if (parse_width_fill("center", args, nargs, kwnames, &width, &fill) < 0) return NULL;
    ssize_t len = STR_LEN(self);
    if (len >= width) return unchanged(self);
    ssize_t marg = width - len;
    ssize_t left = marg / 2 + (marg & width & 1);
    return pad(self, left, marg - left, fill);
}

static Object *str_ljust(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    ssize_t width;
    uint32_t fill;
    if (parse_width_fill("ljust", args, nargs, kwnames, &width, &fill) < 0) return NULL;
    if (STR_LEN(self) >= width) return unchanged(self);
    return pad(self, 0, width - STR_LEN(self), fill);
}

static Object *str_rjust(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    ssize_t width;
    uint32_t fill;
    if (parse_width_fill("rjust", args, nargs, kwnames, &width, &fill) < 0) return NULL;
    if (STR_LEN(self) >= width) return unchanged(self);
    return pad(self, width - STR_LEN(self), 0, fill);
}

static Object *str_zfill(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    ONEARG("zfill");
    ssize_t width;
    if (arg_ssize(args[0], &width) < 0) return NULL;
    ssize_t len = STR_LEN(self);
    if (len >= width) return unchanged(self);
    ssize_t fill = width - len;
    Object *r = pad(self, fill, 0, '0');
    if (!r) return NULL;
    char *d = STR_DATA(r);
    if (d[fill] == '+' || d[fill] == '-') {
        d[0] = d[fill];
        d[fill] = '0';
    }
    return r;
}

static Object *str_expandtabs(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    static const char *const names[] = {"tabsize"};
    Object *a[1];
    if (ac_parse_kw("expandtabs", args, nargs, kwnames, names, 1, a) < 0) return NULL;
    int tabsize = 8;
    if (a[0] && arg_int(a[0], &tabsize) < 0) return NULL;
    const char *s = STR_DATA(self);
    ssize_t n = STR_NBYTES(self);
    if (!memchr(s, '\t', (size_t)n)) return unchanged(self);
    StrBuf sb;
    sb_init(&sb);
    ssize_t col = 0, i = 0;
    while (i < n) {
        const char *tab = memchr(s + i, '\t', (size_t)(n - i));
        ssize_t stop = tab ? tab - s : n;
        // Copy the run before the tab, tracking the column.
        ssize_t runstart = i;
        while (i < stop) {
            unsigned char b = (unsigned char)s[i];
            if (b == '\n' || b == '\r') col = 0;
            else if ((b & 0xC0) != 0x80) col++;
            i++;
        }
        if (sb_putn(&sb, s + runstart, stop - runstart) < 0) goto fail;
        if (!tab) break;
        i++;   // the tab
        if (tabsize > 0) {
            ssize_t incr = tabsize - (col % tabsize);
            if (col > SSIZE_MAX - incr) {
                vm_raise(Exc_OverflowError, "new string is too long");
                goto fail;
            }
            col += incr;
            for (ssize_t k = 0; k < incr; k++)
                if (sb_putc(&sb, ' ') < 0) goto fail;
        }
    }
    return sb_finish(&sb);
fail:
    sb_free(&sb);
    return NULL;
}

// ---- translate and maketrans ---------------------------------------------------------------------------------

// Appends the translation of c through table to sb: 0, or -1 with an error.
static int translate_one(Object *table, uint32_t c, StrBuf *sb) {
    Object *key = int_from_long((long)c);
    if (!key) return -1;
    Object *v = obj_getitem(table, key);
    DECREF(key);
    char buf[4];
    if (!v) {
        if (!err_matches(Exc_LookupError)) return -1;
        err_clear();
        return sb_putn(sb, buf, utf8_encode(c, buf));
    }
    int r = 0;
    if (v == None) {
        // deleted
    } else if (INT_CHECK(v)) {
        long x;
        if (int_as_long_fast(v, &x) < 0 || x < 0 || x > 0x10FFFF) {
            vm_raise(Exc_ValueError, "character mapping must be in range(0x110000)");
            r = -1;
        } else {
            r = sb_putn(sb, buf, utf8_encode((uint32_t)x, buf));
        }
    } else if (STR_CHECK(v)) {
        r = sb_putn(sb, STR_DATA(v), STR_NBYTES(v));
    } else {
        vm_raise(Exc_TypeError, "character mapping must return integer, None or str");
        r = -1;
    }
    DECREF(v);
    return r;
}

static Object *str_translate(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    ONEARG("translate");
    Object *table = args[0];
    const char *p = STR_DATA(self), *end = p + STR_NBYTES(self);
    StrBuf sb;
    sb_init(&sb);
    // ASCII characters repeat: remember what each translated to.
    ssize_t cache_off[128], cache_len[128];
    StrBuf cache;
    sb_init(&cache);
    for (int i = 0; i < 128; i++) cache_len[i] = -1;
    while (p < end) {
        int len;
        uint32_t c = decode_at(p, &len);
        p += len;
        if (c < 128) {
            if (cache_len[c] < 0) {
                ssize_t before = sb.len;
                if (translate_one(table, c, &sb) < 0) goto fail;
                cache_off[c] = cache.len;
                cache_len[c] = sb.len - before;
                if (sb_putn(&cache, sb.buf + before, sb.len - before) < 0) goto fail;
            } else if (cache_len[c] > 0 && sb_putn(&sb, cache.buf + cache_off[c], cache_len[c]) < 0) {
                goto fail;
            }
        } else if (translate_one(table, c, &sb) < 0) {
            goto fail;
        }
    }
    sb_free(&cache);
    return sb_finish(&sb);
fail:
    sb_free(&cache);
    sb_free(&sb);
    return NULL;
}

static int dict_set_cp(Object *d, uint32_t c, Object *value) {
    Object *key = int_from_long((long)c);
    if (!key) return -1;
    int r = dict_setitem(d, key, value);
    DECREF(key);
    return r;
}

static Object *str_maketrans(Object *unused, Object *const *args, ssize_t nargs, Object *kwnames) {
    POSARGS("maketrans", 1, 3);
    Object *x = args[0], *y = nargs > 1 ? args[1] : NULL, *z = nargs > 2 ? args[2] : NULL;
    if (y && !STR_CHECK(y))
        return vm_raise(Exc_TypeError, "maketrans() argument 2 must be str, not %s", ac_type_name(y));
    if (z && !STR_CHECK(z))
        return vm_raise(Exc_TypeError, "maketrans() argument 3 must be str, not %s", ac_type_name(z));
    Object *d = dict_new();
    if (!d) return NULL;
    if (y) {
        if (!STR_CHECK(x)) {
            vm_raise(Exc_TypeError, "first maketrans argument must be a string if there is a second argument");
            goto fail;
        }
        if (STR_LEN(x) != STR_LEN(y)) {
            vm_raise(Exc_ValueError, "the first two maketrans arguments must have equal length");
            goto fail;
        }
        const char *px = STR_DATA(x), *py = STR_DATA(y), *ex = px + STR_NBYTES(x);
        while (px < ex) {
            int lx, ly;
            uint32_t cx = decode_at(px, &lx), cy = decode_at(py, &ly);
            px += lx;
            py += ly;
            Object *v = int_from_long((long)cy);
            if (!v) goto fail;
            int r = dict_set_cp(d, cx, v);
            DECREF(v);
            if (r < 0) goto fail;
        }
        if (z) {
            const char *pz = STR_DATA(z), *ez = pz + STR_NBYTES(z);
            while (pz < ez) {
                int lz;
                uint32_t cz = decode_at(pz, &lz);
                pz += lz;
                if (dict_set_cp(d, cz, None) < 0) goto fail;
            }
        }
    } else {
        if (!DICT_CHECK_EXACT(x)) {
            vm_raise(Exc_TypeError, "if you give only one argument to maketrans it must be a dict");
            goto fail;
        }
        ssize_t pos = 0;
        Object *k, *v;
        while (dict_next(x, &pos, &k, &v)) {
            if (STR_CHECK(k)) {
                if (STR_LEN(k) != 1) {
                    vm_raise(Exc_ValueError, "string keys in translate table must be of length 1");
                    goto fail;
                }
                int len;
                if (dict_set_cp(d, decode_at(STR_DATA(k), &len), v) < 0) goto fail;
            } else if (INT_CHECK(k)) {
                if (dict_setitem(d, k, v) < 0) goto fail;
            } else {
                vm_raise(Exc_TypeError, "keys in translate table must be strings or integers");
                goto fail;
            }
        }
    }
    return d;
fail:
    DECREF(d);
    return NULL;
}

// ---- encode --------------------------------------------------------------------------------------------------

enum { CODEC_UTF8, CODEC_ASCII, CODEC_LATIN1 };

// The codec an encoding name means (encodings.normalize_encoding + aliases),
// or -1 for one minipy does not have.
static int lookup_codec(const char *name) {
    char norm[64];
    size_t k = 0;
    bool punct = false;
    for (const unsigned char *p = (const unsigned char *)name; *p; p++) {
        unsigned char c = *p;
        bool alnum = (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
        if (alnum || c == '.') {
            if (punct && k) norm[k++] = '_';
            norm[k++] = (char)((c >= 'A' && c <= 'Z') ? c + 32 : c);
            punct = false;
        } else {
            punct = true;
        }
        if (k >= sizeof norm - 2) return -1;
    }
    norm[k] = '\0';
    static const char *const utf8[] = {"utf_8", "utf8", "u8", "utf", "utf8_ucs2", "utf8_ucs4", "cp65001", NULL};
    static const char *const ascii[] = {"ascii", "646", "us_ascii", "ansi_x3.4_1968", "ansi_x3_4_1968",
                                        "ansi_x3.4_1986", "ansi_x3_4_1986", "cp367", "csascii", "ibm367",
                                        "iso646_us", "iso_646.irv_1991", "iso_646_irv_1991", "iso_ir_6", "us",
                                        NULL};
    static const char *const latin1[] = {"latin_1", "latin1", "latin", "l1", "iso_8859_1", "iso8859_1", "8859",
                                         "cp819", "iso_ir_100", "csisolatin1", "ibm819", "iso_8859_1_1987",
                                         NULL};
    static const char *const *const tables[] = {utf8, ascii, latin1};
    for (int t = 0; t < 3; t++)
        for (const char *const *a = tables[t]; *a; a++)
            if (strcmp(norm, *a) == 0) return t;
    return -1;
}

// Raises UnicodeEncodeError for code points [start, end) of the string.
static void raise_encode_error(const char *codec, const uint32_t *cps, ssize_t start, ssize_t end,
                               const char *reason) {
    if (end == start + 1) {
        uint32_t c = cps[start];
        const char *fmt = c <= 0xFF     ? "'%s' codec can't encode character '\\x%02x' in position %zd: %s"
                          : c <= 0xFFFF ? "'%s' codec can't encode character '\\u%04x' in position %zd: %s"
                                        : "'%s' codec can't encode character '\\U%08x' in position %zd: %s";
        vm_raise(Exc_UnicodeEncodeError, fmt, codec, c, start, reason);
    } else {
        vm_raise(Exc_UnicodeEncodeError, "'%s' codec can't encode characters in position %zd-%zd: %s", codec, start,
                 end - 1, reason);
    }
}

static Object *encode_str(Object *self, int codec, const char *errors) {
    const char *s = STR_DATA(self);
    ssize_t nb = STR_NBYTES(self);
    if (STR_ASCII(self)) return bytes_from(s, nb);
    if (codec == CODEC_UTF8) {
        // Valid unless it holds surrogates (ED A0..BF xx).
        bool surrogates = false;
        for (const char *p = memchr(s, 0xED, (size_t)nb); p; p = memchr(p + 1, 0xED, (size_t)(s + nb - p - 1)))
            if (p + 1 < s + nb && (unsigned char)p[1] >= 0xA0) {
                surrogates = true;
                break;
            }
        if (!surrogates) return bytes_from(s, nb);
    }
    static const char *const names[] = {"utf-8", "ascii", "latin-1"};
    static const char *const reasons[] = {"surrogates not allowed", "ordinal not in range(128)",
                                          "ordinal not in range(256)"};
    uint32_t limit = codec == CODEC_ASCII ? 0x80 : 0x100;
    ssize_t n = STR_LEN(self);
    uint32_t *cps = decode_all(self);
    if (!cps) return NULL;
    StrBuf out;
    sb_init(&out);
#define BAD(c) (codec == CODEC_UTF8 ? ((c) >= 0xD800 && (c) <= 0xDFFF) : (c) >= limit)
    ssize_t i = 0;
    while (i < n) {
        uint32_t c = cps[i];
        if (!BAD(c)) {
            char buf[4];
            int r = codec == CODEC_UTF8 ? sb_putn(&out, buf, utf8_encode(c, buf)) : sb_putc(&out, (char)c);
            if (r < 0) goto fail;
            i++;
            continue;
        }
        ssize_t collend = i + 1;
        while (collend < n && BAD(cps[collend])) collend++;
        if (strcmp(errors, "strict") == 0) {
            raise_encode_error(names[codec], cps, i, collend, reasons[codec]);
            goto fail;
        } else if (strcmp(errors, "ignore") == 0) {
            // nothing
        } else if (strcmp(errors, "replace") == 0) {
            for (ssize_t k = i; k < collend; k++)
                if (sb_putc(&out, '?') < 0) goto fail;
        } else if (strcmp(errors, "backslashreplace") == 0) {
            for (ssize_t k = i; k < collend; k++) {
                uint32_t d = cps[k];
                int r = d <= 0xFF     ? sb_printf(&out, "\\x%02x", d)
                        : d <= 0xFFFF ? sb_printf(&out, "\\u%04x", d)
                                      : sb_printf(&out, "\\U%08x", d);
                if (r < 0) goto fail;
            }
        } else if (strcmp(errors, "xmlcharrefreplace") == 0) {
            for (ssize_t k = i; k < collend; k++)
                if (sb_printf(&out, "&#%u;", (unsigned)cps[k]) < 0) goto fail;
        } else if (strcmp(errors, "surrogateescape") == 0) {
            ssize_t k = i;
            for (; k < collend && cps[k] >= 0xDC80 && cps[k] <= 0xDCFF; k++)
                if (sb_putc(&out, (char)(cps[k] - 0xDC00)) < 0) goto fail;
            if (k < collend) {
                raise_encode_error(names[codec], cps, k, collend, reasons[codec]);
                goto fail;
            }
        } else if (strcmp(errors, "surrogatepass") == 0) {
            if (codec != CODEC_UTF8) {
                raise_encode_error(names[codec], cps, i, collend, reasons[codec]);
                goto fail;
            }
            for (ssize_t k = i; k < collend; k++) {
                char buf[4];
                if (sb_putn(&out, buf, utf8_encode(cps[k], buf)) < 0) goto fail;
            }
        } else {
            vm_raise(Exc_LookupError, "unknown error handler name '%s'", errors);
            goto fail;
        }
        i = collend;
    }
#undef BAD
    free(cps);
    Object *r = bytes_from(out.buf ? out.buf : "", out.len);
    sb_free(&out);
    return r;
fail:
    free(cps);
    sb_free(&out);
    return NULL;
}

static Object *str_encode(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    static const char *const names[] = {"encoding", "errors"};
    Object *a[2];
    if (ac_parse_kw("encode", args, nargs, kwnames, names, 2, a) < 0) return NULL;
    for (int i = 0; i < 2; i++)
        if (a[i] && !STR_CHECK(a[i]))
            return vm_raise(Exc_TypeError, "encode() argument '%s' must be str, not %s", names[i],
                            ac_type_name(a[i]));
    const char *encoding = a[0] ? STR_DATA(a[0]) : "utf-8";
    const char *errors = a[1] ? STR_DATA(a[1]) : "strict";
    int codec = lookup_codec(encoding);
    if (codec < 0) return vm_raise(Exc_LookupError, "unknown encoding: %s", encoding);
    return encode_str(self, codec, errors);
}

// ---- Formatting and the rest ---------------------------------------------------------------------------------

static Object *str_format_m(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    return str_format_method(self, args, nargs, kwnames);
}

static Object *str_format_map_m(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    ONEARG("format_map");
    return str_format_map(self, args[0]);
}

static Object *str___format__(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    ONEARG("__format__");
    if (!STR_CHECK(args[0]))
        return vm_raise(Exc_TypeError, "__format__() argument must be str, not %s", ac_type_name(args[0]));
    return str_format_spec(self, args[0]);
}

static Object *str___getnewargs__(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    NOARGS("__getnewargs__");
    Object *copy = unchanged(self);
    if (!copy) return NULL;
    Object *r = tuple_pack(1, copy);
    DECREF(copy);
    return r;
}

// What CPython reports: a compact ASCII object (48 bytes + the text + NUL),
// or a compact object (72 bytes) with 1, 2 or 4 bytes per character.
static Object *str___sizeof__(Object *self, Object *const *args, ssize_t nargs, Object *kwnames) {
    NOARGS("__sizeof__");
    ssize_t len = STR_LEN(self);
    if (STR_ASCII(self)) return int_from_ssize(48 + len + 1);
    uint32_t maxc = 0;
    const char *p = STR_DATA(self), *end = p + STR_NBYTES(self);
    while (p < end) {
        int l;
        uint32_t c = decode_at(p, &l);
        if (c > maxc) maxc = c;
        p += l;
    }
    ssize_t kind = maxc < 0x100 ? 1 : maxc < 0x10000 ? 2 : 4;
    return int_from_ssize(72 + (len + 1) * kind);
}

const MethodDef str_methods[] = {
    {"encode", str_encode, 0, "Encode the string using the codec registered for encoding."},
    {"replace", str_replace, 0, "Return a copy with all occurrences of substring old replaced by new."},
    {"split", str_split, 0, "Return a list of the substrings in the string, using sep as the separator string."},
    {"rsplit", str_rsplit, 0, "Return a list of the substrings in the string, using sep as the separator string."},
    {"join", str_join_m, 0, "Concatenate any number of strings."},
    {"capitalize", str_capitalize, 0, "Return a capitalized version of the string."},
    {"casefold", str_casefold, 0, "Return a version of the string suitable for caseless comparisons."},
    {"title", str_title, 0, "Return a version of the string where each word is titlecased."},
    {"center", str_center, 0, "Return a centered string of length width."},
    {"count", str_count, 0, "Return the number of non-overlapping occurrences of substring sub."},
    {"expandtabs", str_expandtabs, 0, "Return a copy where all tab characters are expanded using spaces."},
    {"find", str_find, 0, "Return the lowest index in S where substring sub is found."},
    {"partition", str_partition, 0, "Partition the string into three parts using the given separator."},
    {"index", str_index, 0, "Return the lowest index in S where substring sub is found."},
    {"ljust", str_ljust, 0, "Return a left-justified string of length width."},
    {"lower", str_lower, 0, "Return a copy of the string converted to lowercase."},
    {"lstrip", str_lstrip, 0, "Return a copy of the string with leading whitespace removed."},
    {"rfind", str_rfind, 0, "Return the highest index in S where substring sub is found."},
    {"rindex", str_rindex, 0, "Return the highest index in S where substring sub is found."},
    {"rjust", str_rjust, 0, "Return a right-justified string of length width."},
    {"rstrip", str_rstrip, 0, "Return a copy of the string with trailing whitespace removed."},
    {"rpartition", str_rpartition, 0, "Partition the string into three parts using the given separator."},
    {"splitlines", str_splitlines, 0, "Return a list of the lines in the string, breaking at line boundaries."},
    {"strip", str_strip, 0, "Return a copy of the string with leading and trailing whitespace removed."},
    {"swapcase", str_swapcase, 0, "Convert uppercase characters to lowercase and lowercase characters to uppercase."},
    {"translate", str_translate, 0, "Replace each character in the string using the given translation table."},
    {"upper", str_upper, 0, "Return a copy of the string converted to uppercase."},
    {"startswith", str_startswith, 0, "Return True if S starts with the specified prefix, False otherwise."},
    {"endswith", str_endswith, 0, "Return True if S ends with the specified suffix, False otherwise."},
    {"removeprefix", str_removeprefix, 0, "Return a str with the given prefix string removed if present."},
    {"removesuffix", str_removesuffix, 0, "Return a str with the given suffix string removed if present."},
    {"isascii", str_isascii, 0, "Return True if all characters in the string are ASCII, False otherwise."},
    {"islower", str_islower, 0, "Return True if the string is a lowercase string, False otherwise."},
    {"isupper", str_isupper, 0, "Return True if the string is an uppercase string, False otherwise."},
    {"istitle", str_istitle, 0, "Return True if the string is a title-cased string, False otherwise."},
    {"isspace", str_isspace, 0, "Return True if the string is a whitespace string, False otherwise."},
    {"isdecimal", str_isdecimal, 0, "Return True if the string is a decimal string, False otherwise."},
    {"isdigit", str_isdigit, 0, "Return True if the string is a digit string, False otherwise."},
    {"isnumeric", str_isnumeric, 0, "Return True if the string is a numeric string, False otherwise."},
    {"isalpha", str_isalpha, 0, "Return True if the string is an alphabetic string, False otherwise."},
    {"isalnum", str_isalnum, 0, "Return True if the string is an alpha-numeric string, False otherwise."},
    {"isidentifier", str_isidentifier, 0, "Return True if the string is a valid Python identifier, False otherwise."},
    {"isprintable", str_isprintable, 0, "Return True if the string is printable, False otherwise."},
    {"zfill", str_zfill, 0, "Pad a numeric string with zeros on the left, to fill a field of the given width."},
    {"format", str_format_m, 0, "Return a formatted version of S, using substitutions from args and kwargs."},
    {"format_map", str_format_map_m, 0, "Return a formatted version of S, using substitutions from mapping."},
    {"__format__", str___format__, 0, "Return a formatted version of the string as described by format_spec."},
    {"maketrans", str_maketrans, METH_STATIC, "Return a translation table usable for str.translate()."},
    {"__sizeof__", str___sizeof__, 0, "Return the size of the string in memory, in bytes."},
    {"__getnewargs__", str___getnewargs__, 0, NULL},
    {NULL, NULL, 0, NULL}};
