def expect(condition, message):
    if not condition:
        fail(message)
