# Minimal program: the statement and coverage profiles count a never-taken `if ...: <call>` that
# ends a `for` body once per iteration (see samples/README.md).

def ends_with_if_call(names):
    for name in names:
        label = name + "_lib"
        if name == "never":
            fail("bad name " + label)

def if_call_then_more(names):
    for name in names:
        label = name + "_lib"
        if name == "never":
            fail("bad name " + label)
        label = label + "_done"
