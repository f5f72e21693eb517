/* Partnership Desk's two Windows launchers, built from this one file with MinGW-w64:
 *   "Partnership Desk.exe"  (-mwindows, GUI_LAUNCHER): pythonw.exe -m cli, no console window;
 *   "partnership-desk.exe"  (console): python.exe -m cli ARGS..., same exit code, same handles.
 * Both run the Python beside them (python\ under the launcher's folder) with the program's
 * packages (lib\, named in python\python311._pth), so the folder works wherever it is put.
 */
#include <windows.h>
#include <wchar.h>
#include <stdlib.h>

#ifdef GUI_LAUNCHER
#define PYTHON L"pythonw.exe"
#else
#define PYTHON L"python.exe"
#endif

/* The command line after the program's own name (argv[0]), as Windows gave it. */
static const wchar_t *arguments(const wchar_t *line) {
    int quoted = 0;
    while (*line && (quoted || (*line != L' ' && *line != L'\t'))) {
        if (*line == L'"') quoted = !quoted;
        line++;
    }
    while (*line == L' ' || *line == L'\t') line++;
    return line;
}

static int fail(const wchar_t *what) {
    wchar_t text[1024];
    _snwprintf(text, 1023, L"Partnership Desk cannot start: %ls (error %lu).\n"
               L"Partnership Desk를 시작할 수 없습니다. 설치를 다시 하십시오.", what, GetLastError());
    text[1023] = 0;
#ifdef GUI_LAUNCHER
    MessageBoxW(NULL, text, L"Partnership Desk", MB_ICONERROR | MB_OK);
#else
    DWORD written;
    HANDLE err = GetStdHandle(STD_ERROR_HANDLE);
    WriteConsoleW(err, text, (DWORD)wcslen(text), &written, NULL);
#endif
    return 1;
}

int main(void) {
    wchar_t here[MAX_PATH * 2];
    DWORD n = GetModuleFileNameW(NULL, here, MAX_PATH * 2);
    if (n == 0 || n >= MAX_PATH * 2) return fail(L"its folder could not be found");
    wchar_t *slash = wcsrchr(here, L'\\');
    if (slash == NULL) return fail(L"its folder could not be found");
    *slash = 0;

    const wchar_t *rest = arguments(GetCommandLineW());
    size_t size = wcslen(here) + wcslen(rest) + 64;
    wchar_t *python = malloc(sizeof(wchar_t) * size);
    wchar_t *command = malloc(sizeof(wchar_t) * (size + MAX_PATH));
    if (python == NULL || command == NULL) return fail(L"out of memory");
    _snwprintf(python, size, L"%ls\\python\\%ls", here, PYTHON);
    _snwprintf(command, size + MAX_PATH, L"\"%ls\" -m cli %ls", python, rest);

    STARTUPINFOW startup;
    PROCESS_INFORMATION process;
    ZeroMemory(&startup, sizeof startup);
    startup.cb = sizeof startup;
    ZeroMemory(&process, sizeof process);
    if (!CreateProcessW(python, command, NULL, NULL, TRUE, 0, NULL, NULL, &startup, &process))
        return fail(python);
    /* Closing the launcher (Ctrl+C, or the console) ends Python with it. */
    HANDLE job = CreateJobObjectW(NULL, NULL);
    if (job != NULL) {
        JOBOBJECT_EXTENDED_LIMIT_INFORMATION limits;
        ZeroMemory(&limits, sizeof limits);
        limits.BasicLimitInformation.LimitFlags = JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE;
        SetInformationJobObject(job, JobObjectExtendedLimitInformation, &limits, sizeof limits);
        AssignProcessToJobObject(job, process.hProcess);
    }
    WaitForSingleObject(process.hProcess, INFINITE);
    DWORD code = 1;
    GetExitCodeProcess(process.hProcess, &code);
    CloseHandle(process.hThread);
    CloseHandle(process.hProcess);
    return (int)code;
}
