module multi

go 1.22
