# Open advisories against vendored packages, with the affected version window.
# (package, advisory, first affected (major, minor), last affected (major, minor), max patch)
ADVISORIES = [
    ("openssl", "CVE-2024-5535", (1, 0), (3, 3), 40),
    ("openssl", "CVE-2024-6119", (3, 0), (3, 3), 40),
    ("zlib", "CVE-2022-37434", (1, 2), (1, 2), 40),
    ("libxml2", "CVE-2024-25062", (2, 0), (2, 12), 40),
    ("curl", "CVE-2024-2398", (7, 44), (8, 6), 40),
    ("curl", "CVE-2023-38545", (7, 69), (8, 3), 40),
    ("expat", "CVE-2024-45490", (2, 0), (2, 6), 40),
    ("sqlite", "CVE-2023-7104", (3, 0), (3, 43), 40),
    ("libwebp", "CVE-2023-4863", (0, 5), (1, 3), 40),
    ("protobuf", "CVE-2024-7254", (3, 0), (3, 25), 40),
    ("grpc", "CVE-2023-33953", (1, 0), (1, 55), 40),
    ("pcre2", "CVE-2022-41409", (10, 0), (10, 41), 40),
]

# Exceptions granted by the vulnerability review board.
ACCEPTED_RISK = {
    "CVE-2022-37434": "inflateGetHeader is never called (SECREV-311)",
    "CVE-2023-7104": "sessions extension disabled at compile time (SECREV-350)",
}
