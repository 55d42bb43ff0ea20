module suppress

go 1.22
