load(":wire_schema.bzl", "ITCH50_FIELDS", "ITCH50_MESSAGES", "MDP3_FIELDS", "MDP3_MESSAGES", "PITCH_FIELDS", "PITCH_MESSAGES")

SESSIONS = ["opening_auction", "continuous", "closing_auction"]

def _decoder_rows(messages, fields):
    rows = []
    for session in SESSIONS:
        for msg in messages:
            # The decoder reserves a fixed slot per field: every slot is as wide
            # as the schema's widest field type.
            record_bytes = max([spec["width"] for spec in fields.values()]) * msg["fields"]
            rows.append("{}:{}:{}:{}".format(session, msg["tag"], msg["fields"], record_bytes))
    return rows

def _itch(venue):
    return _decoder_rows(ITCH50_MESSAGES, ITCH50_FIELDS)

def _pitch(venue):
    return _decoder_rows(PITCH_MESSAGES, PITCH_FIELDS)

def _mdp3(venue):
    return _decoder_rows(MDP3_MESSAGES, MDP3_FIELDS)

CODECS = {
    "itch": _itch,
    "pitch": _pitch,
    "mdp3": _mdp3,
}
