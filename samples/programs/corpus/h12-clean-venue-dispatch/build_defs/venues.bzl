load(":refdata.bzl", "CALENDARS")
load(":venue_kinds.bzl", "BOOK_BUILDERS", "VENUE_KIND")

def venue_books(exchanges, arbitration = ["A", "B", "R"]):
    calendar_libs = {}
    for code, cal in CALENDARS.items():
        calendar_libs[code] = "//calendars:" + code.lower()
    for ex in exchanges:
        mic = ex["mic"]
        build = BOOK_BUILDERS[VENUE_KIND.get(mic, "lit")]
        for feed in ex["feeds"]:
            for channel in range(ex["channels"]):
                book = build(mic.lower(), feed, channel)
                for line in arbitration:
                    cxx_library(
                        name = "book_{}_{}_{}{}".format(mic.lower(), feed, channel, line.lower()),
                        srcs = book.srcs + ["books/line_{}.cpp".format(line.lower())],
                        compiler_flags = book.flags + ["-DLINE={}".format(line)],
                        deps = book.deps + [calendar_libs[ex["calendar"]]],
                        exported_headers = ["books/{}/{}_ch{}.h".format(mic.lower(), feed, channel)],
                        labels = ["md", "venue:" + mic, "feed:" + feed, "line:" + line],
                    )
