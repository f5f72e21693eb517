/* For the Wine test only (tools/windows/test_windows.py), never shipped: a stand-in for
 * Windows 10's bcryptprimitives.dll, which Wine 8 lacks. Rust's standard library (so
 * cryptography's _rust.pyd) imports its one function, ProcessPrng; here it asks
 * RtlGenRandom (advapi32's SystemFunction036), which Wine has. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length) {
    while (length > 0) {
        ULONG chunk = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk)) return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
