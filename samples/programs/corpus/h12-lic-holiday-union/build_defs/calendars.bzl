load(":holidays.bzl", "holiday_union", "weekend_mask")

_SRC_ROOT = "calendars/src"

def _check_calendar(mic, code, calendars):
    if code not in calendars:
        fail("exchange {} references unknown calendar {}".format(mic, code))

def exchange_calendar_libs(prefix, exchanges, calendars, visibility = None):
    """Emit a cxx_library per exchange with its holiday table baked in as defines.

    The combined table size is exported so the settlement engine can size its
    joint-calendar cache at compile time.
    """
    for ex in exchanges:
        mic = ex["mic"]
        _check_calendar(mic, ex["calendar"], calendars)
        joint = holiday_union(calendars)
        own = calendars[ex["calendar"]]
        cxx_library(
            name = "{}_{}".format(prefix, mic.lower()),
            srcs = ["{}/{}.cpp".format(_SRC_ROOT, mic.lower())],
            exported_preprocessor_flags = [
                "-DVENUE_MIC=\"{}\"".format(mic),
                "-DVENUE_WEEKEND_MASK=0b{}".format(weekend_mask(own["weekend"])),
                "-DVENUE_HOLIDAYS={}".format(len(own["holidays"])),
                "-DJOINT_HOLIDAYS={}".format(len(joint)),
                "-DJOINT_FIRST={}".format(joint[0]),
                "-DJOINT_LAST={}".format(joint[-1]),
            ],
            deps = ["//calendars:core"],
            visibility = visibility,
        )
