load(":refdata.bzl", "CALENDARS")

_FEED_LIBS = {
    "itch": "//md/proto:itch",
    "ouch": "//md/proto:ouch",
    "fix": "//md/proto:fix44",
    "sbe": "//md/proto:sbe",
    "pitch": "//md/proto:pitch",
    "mdp3": "//md/proto:mdp3",
    "omd": "//md/proto:omd",
    "fast": "//md/proto:fast",
}

def feed_handlers(exchanges, line_roles = ["A", "B"], visibility = None):
    """One handler library per (exchange, feed, channel, line)."""
    handlers = []
    for ex in exchanges:
        mic = ex["mic"].lower()
        holidays = CALENDARS[ex["calendar"]]["holidays"]
        for feed in ex["feeds"]:
            for channel in range(ex["channels"]):
                for line in line_roles:
                    handlers.append(struct(
                        name = "{}_{}_ch{}{}".format(mic, feed, channel, line),
                        mic = mic,
                        feed = feed,
                        channel = channel,
                        line = line,
                        srcs = ["handlers/{}/{}.cpp".format(feed, mic), "handlers/common/line_{}.cpp".format(line.lower())],
                        deps = [_FEED_LIBS[feed], "//md/core:book", "//md/core:arbiter", "//calendars:{}".format(ex["calendar"].lower())],
                        flags = [
                            "-DMIC={}".format(mic),
                            "-DCHANNEL={}".format(channel),
                            "-DLINE={}".format(line),
                            "-DHOLIDAYS={}".format(len(holidays)),
                        ],
                        session_dates = [d.replace("-", "") for d in holidays[:60]],
                    ))
    for h in handlers:
        cxx_library(
            name = h.name,
            srcs = h.srcs,
            deps = h.deps,
            compiler_flags = h.flags,
            visibility = visibility,
        )
