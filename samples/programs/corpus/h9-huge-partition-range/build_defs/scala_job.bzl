load("//build_defs:partitions.bzl", "backfill_window")

def scala_batch_job(name, main_class, lookback = 7, deps = []):
    window = backfill_window(name, lookback)
    if len(window) != lookback:
        fail("%s: expected %d partitions" % (name, lookback))
    java_library(
        name = name,
        srcs = ["src/main/scala/%s.scala" % main_class.replace(".", "/")],
        deps = deps,
        labels = ["backfill:" + ",".join(window)],
    )
