_COMMON_DEPS = ["//third_party:spark_core", "//third_party:spark_sql", "//third_party:scala_library"]

def _job_deps(job, index, shared):
    deps = list(_COMMON_DEPS)
    deps.extend([":" + s for s in shared[:index % len(shared) + 1]])
    return deps

def jvm_job_matrix(jobs, shared, srcs):
    for index, job in enumerate(jobs):
        job_srcs = [s for s in srcs if s.startswith("src/%s" % job)]
        java_library(
            name = job.lower(),
            srcs = job_srcs,
            deps = _job_deps(job, index, shared),
            resources = ["conf/%s.conf" % job.lower()],
        )
