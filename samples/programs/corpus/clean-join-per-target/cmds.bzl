# One genrule per step; each command line is joined once from its own parts.

def _command(step, index):
    parts = ["run_step", "--name=" + step, "--index={}".format(index), "--out=$OUT"]
    if index % 10 == 0:
        parts.append("--checkpoint")
    return " ".join(parts)

def scripted_rules(steps):
    for index, step in enumerate(steps):
        if len(step) > 64:
            fail("step name too long: " + step)
        genrule(name = step, out = step + ".log", cmd = _command(step, index))
