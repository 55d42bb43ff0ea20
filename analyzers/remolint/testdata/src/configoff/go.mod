module configoff

go 1.22
