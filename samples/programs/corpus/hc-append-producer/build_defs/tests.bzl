# Parameterised tests: every (input, seed) pair is a test case; one genrule per input.

def _all_cases(name, inputs, seeds):
    cases = []
    for inp in inputs:
        for seed in range(seeds):
            cases.append("{}/{}/seed={}".format(name, inp, seed))
    return cases

def parameterized_tests(name, inputs, seeds):
    # Every case of every input, appended one by one into a single list...
    cases = _all_cases(name, inputs, seeds)
    for i, inp in enumerate(inputs):
        # ...though each genrule reads only the first case of its input.
        genrule(
            name = "{}_{}".format(name, inp),
            out = inp + ".log",
            cmd = "run_case {} --seeds={}".format(cases[i * seeds], seeds),
        )
