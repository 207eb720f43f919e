def checked_genrules(jobs, inputs):
    for job in jobs:
        details = ["{}: input {} of {} ({})".format(job, i, len(inputs), f) for i, f in enumerate(inputs)]
        if not job.startswith("job"):
            fail("bad job " + job + "\n" + "\n".join(details))
        genrule(name = job, out = job + ".out", srcs = inputs, cmd = "run " + job)
