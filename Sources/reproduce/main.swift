print("reproduce")
