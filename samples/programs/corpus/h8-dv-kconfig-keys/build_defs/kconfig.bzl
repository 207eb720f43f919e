_SUBSYS = ("NET", "USB", "BT", "FS", "LOG", "SHELL", "PM", "SENSOR", "DISPLAY", "AUDIO", "CRYPTO", "MODEM", "GNSS", "LORA", "CAN", "OTA")
_KEYS = ("ENABLE", "DEBUG", "BUFS", "STACK", "PRIO", "TRACE", "ASSERT", "STATS", "POOL", "QUEUE", "TIMEOUT", "RETRIES", "MTU", "VERBOSE", "IRQ", "DMA")

SYMS = ["CONFIG_%s_%s" % (s, k) for s in _SUBSYS for k in _KEYS]

BOARD_CFG = {
    "pcb_%s" % b: {s: (i % 3) for i, s in enumerate(SYMS) if (i + len(b)) % 4 != 0}
    for b in ("alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet", "kilo", "lima", "mike", "november", "oscar", "papa")
}
