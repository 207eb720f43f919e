def contract_symbol(root, month_code, year):
    return "{}{}{}".format(root, month_code, year % 10)

def roll_calendar(name, root, venue, symbols):
    genrule(
        name = name,
        out = "{}_rolls.csv".format(root.lower()),
        cmd = "$(exe //futures/tools:rollgen) --venue {} {} > $OUT".format(venue, " ".join(symbols)),
    )
