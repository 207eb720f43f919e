"""Tiny validation layer shared by the firmware rules."""

def expect(ok, message):
    if not ok:
        fail(message)
    return ok

def expect_in(value, allowed, message):
    return expect(value in allowed, message)
