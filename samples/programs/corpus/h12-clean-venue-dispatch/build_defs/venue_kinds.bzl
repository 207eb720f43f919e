def _lit_book(mic, feed, channel):
    return struct(
        srcs = ["books/lit/{}_{}.cpp".format(mic, feed)],
        flags = ["-DBOOK_DEPTH=10", "-DCHANNEL={}".format(channel)],
        deps = ["//md/book:lit"],
    )

def _futures_book(mic, feed, channel):
    return struct(
        srcs = ["books/futures/{}_{}.cpp".format(mic, feed), "books/futures/implied.cpp"],
        flags = ["-DBOOK_DEPTH=5", "-DIMPLIEDS=1", "-DCHANNEL={}".format(channel)],
        deps = ["//md/book:futures", "//md/book:implied"],
    )

def _options_book(mic, feed, channel):
    return struct(
        srcs = ["books/options/{}_{}.cpp".format(mic, feed)],
        flags = ["-DBOOK_DEPTH=1", "-DCHANNEL={}".format(channel)],
        deps = ["//md/book:options"],
    )

BOOK_BUILDERS = {
    "lit": _lit_book,
    "futures": _futures_book,
    "options": _options_book,
}

VENUE_KIND = {
    "XCME": "futures", "XEUR": "futures", "XLIF": "futures", "XOSE": "futures",
    "XCBO": "options",
}
