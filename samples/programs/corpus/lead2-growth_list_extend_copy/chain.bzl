# A chain of genrules: each step records the names of all steps before it.

def chained_genrules(count):
    history = []
    for i in range(count):
        step = "step_{}".format(i)
        genrule(name = step, out = step + ".txt", cmd = "echo {} > $OUT".format(step))
        history = list(history) + [step]
    genrule(name = "all_steps", out = "all.txt", cmd = "echo " + " ".join(history))
