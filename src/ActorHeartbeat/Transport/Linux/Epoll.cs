using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace ActorHeartbeat.Transport.Linux;

/// <summary>
/// The Linux calls the event loop needs: epoll (epoll(7)) and an eventfd to wake it. Event records
/// are read and written as bytes because <c>struct epoll_event</c> is packed (12 bytes) on x86-64 and
/// padded (16 bytes) elsewhere.
/// </summary>
internal static unsafe partial class Epoll
{
    public const uint In = 0x001;
    public const uint Out = 0x004;
    public const uint Error = 0x008;
    public const uint HangUp = 0x010;
    public const uint ReadHangUp = 0x2000;

    private const int CtlAdd = 1;
    private const int CtlDelete = 2;
    private const int CtlModify = 3;
    private const int CloseOnExec = 0x80000;
    private const int NonBlocking = 0x800;
    private const int Interrupted = 4;
    private const int NotImplemented = 38;

    private static bool s_pwait2Missing;

    /// <summary>Bytes per <c>struct epoll_event</c> on this machine.</summary>
    public static int EventSize { get; } = RuntimeInformation.ProcessArchitecture is Architecture.X64 or Architecture.X86 ? 12 : 16;

    private static int DataOffset => EventSize == 12 ? 4 : 8;

    /// <summary>True where epoll can be used: Linux on a 64-bit process.</summary>
    public static bool IsSupported => OperatingSystem.IsLinux() && Environment.Is64BitProcess;

    public static int Create() => Check(epoll_create1(CloseOnExec), "epoll_create1");

    public static int CreateWakeup() => Check(eventfd(0, CloseOnExec | NonBlocking), "eventfd");

    public static void Add(int epoll, int fd, uint events, ulong data) => Control(epoll, CtlAdd, fd, events, data, "EPOLL_CTL_ADD");

    public static void Modify(int epoll, int fd, uint events, ulong data) => Control(epoll, CtlModify, fd, events, data, "EPOLL_CTL_MOD");

    /// <summary>Removes <paramref name="fd"/>; a descriptor that is already closed or gone is no error.</summary>
    public static void Delete(int epoll, int fd)
    {
        var record = stackalloc byte[16];
        _ = epoll_ctl(epoll, CtlDelete, fd, record);
    }

    /// <summary>Waits for events (-1: without end); 0 when interrupted by a signal.</summary>
    public static int Wait(int epoll, byte* events, int capacity, int timeoutMilliseconds)
    {
        var n = epoll_wait(epoll, events, capacity, timeoutMilliseconds);
        if (n >= 0)
        {
            return n;
        }

        var errno = Marshal.GetLastPInvokeError();
        return errno == Interrupted ? 0 : throw new IOException($"epoll_wait failed with errno {errno}.");
    }

    /// <summary>
    /// As <see cref="Wait"/> with a timeout in microseconds (epoll_pwait2, Linux 5.11+); where the call
    /// is missing the timeout is rounded up to whole milliseconds.
    /// </summary>
    public static int WaitMicroseconds(int epoll, byte* events, int capacity, long timeoutMicroseconds)
    {
        if (s_pwait2Missing)
        {
            return Wait(epoll, events, capacity, (int)Math.Min(int.MaxValue, (timeoutMicroseconds + 999) / 1000));
        }

        long* timeout = stackalloc long[2];
        timeout[0] = timeoutMicroseconds / 1_000_000;
        timeout[1] = timeoutMicroseconds % 1_000_000 * 1000;
        int n;
        try
        {
            n = epoll_pwait2(epoll, events, capacity, timeout, null);
        }
        catch (EntryPointNotFoundException)
        {
            s_pwait2Missing = true;
            return WaitMicroseconds(epoll, events, capacity, timeoutMicroseconds);
        }

        if (n >= 0)
        {
            return n;
        }

        var errno = Marshal.GetLastPInvokeError();
        if (errno == NotImplemented)
        {
            s_pwait2Missing = true;
            return WaitMicroseconds(epoll, events, capacity, timeoutMicroseconds);
        }

        return errno == Interrupted ? 0 : throw new IOException($"epoll_pwait2 failed with errno {errno}.");
    }

    public static uint EventsAt(byte* events, int index) => BinaryPrimitives.ReadUInt32LittleEndian(new ReadOnlySpan<byte>(events + (index * EventSize), 4));

    public static ulong DataAt(byte* events, int index) => *(ulong*)(events + (index * EventSize) + DataOffset);

    /// <summary>Adds one to the eventfd, waking a waiting loop.</summary>
    public static void Signal(int eventFd)
    {
        ulong one = 1;
        _ = write(eventFd, (byte*)&one, sizeof(ulong));
    }

    /// <summary>Resets the eventfd after a wake-up.</summary>
    public static void Drain(int eventFd)
    {
        ulong value;
        while (read(eventFd, (byte*)&value, sizeof(ulong)) == sizeof(ulong))
        {
        }
    }

    public static void Close(int fd) => _ = close(fd);

    private static void Control(int epoll, int op, int fd, uint events, ulong data, string what)
    {
        var record = stackalloc byte[16];
        *(uint*)record = events;
        *(ulong*)(record + DataOffset) = data;
        if (epoll_ctl(epoll, op, fd, record) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            throw new IOException($"{what} for descriptor {fd} failed with errno {errno}.");
        }
    }

    private static int Check(int result, string what) =>
        result >= 0 ? result : throw new IOException($"{what} failed with errno {Marshal.GetLastPInvokeError()}.");

    [LibraryImport("libc", SetLastError = true)]
    private static partial int epoll_create1(int flags);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int epoll_ctl(int epfd, int op, int fd, byte* record);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int epoll_wait(int epfd, byte* events, int maxEvents, int timeout);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int epoll_pwait2(int epfd, byte* events, int maxEvents, long* timeout, void* sigmask);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int eventfd(uint initialValue, int flags);

    [LibraryImport("libc", SetLastError = true)]
    private static partial nint read(int fd, byte* buffer, nint count);

    [LibraryImport("libc", SetLastError = true)]
    private static partial nint write(int fd, byte* buffer, nint count);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int close(int fd);
}
