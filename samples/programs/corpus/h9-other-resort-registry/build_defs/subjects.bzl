def register_subjects(subjects):
    registered = []
    for subject in subjects:
        registered.append(subject)
        registered = sorted(registered, reverse = True)
    filegroup(
        name = "subjects",
        srcs = [],
        labels = registered[:10],
    )
