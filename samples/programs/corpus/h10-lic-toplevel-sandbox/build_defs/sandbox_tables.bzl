# Syscall and filesystem allow-lists shared by every sandboxed service.
BASE_SYSCALLS = [
    "read", "write", "openat", "close", "fstat", "lseek", "mmap", "mprotect", "munmap", "brk",
    "rt_sigaction", "rt_sigprocmask", "ioctl", "pread64", "pwrite64", "readv", "writev", "access",
    "pipe", "select", "sched_yield", "mremap", "msync", "mincore", "madvise", "dup", "dup2", "nanosleep",
    "getpid", "socket", "connect", "accept", "sendto", "recvfrom", "sendmsg", "recvmsg", "shutdown",
    "bind", "listen", "getsockname", "getpeername", "setsockopt", "getsockopt", "clone", "execve",
    "exit", "wait4", "kill", "uname", "fcntl", "flock", "fsync", "fdatasync", "getcwd", "chdir",
    "rename", "mkdir", "rmdir", "unlink", "readlink", "chmod", "umask", "gettimeofday", "getrlimit",
    "getuid", "getgid", "geteuid", "getegid", "futex", "epoll_create1", "epoll_ctl", "epoll_wait",
    "eventfd2", "timerfd_create", "prlimit64", "getrandom", "memfd_create", "statx", "clock_gettime",
]
READONLY_ROOTS = ["/usr/lib", "/usr/share/zoneinfo", "/etc/ssl/certs", "/etc/pki", "/opt/runtime", "/lib64", "/usr/lib64"]
ABIS = {
    "x86_64": ["x86_64", "i386", "x32"],
    "aarch64": ["aarch64", "arm"],
    "riscv64": ["riscv64"],
}
AUDIT_ACTIONS = ["allow", "log"]
