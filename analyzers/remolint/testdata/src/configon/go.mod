module configon

go 1.22
