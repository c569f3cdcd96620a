// lrnb: the command-line tool. (Scaffolding.)
print("lrnb")
