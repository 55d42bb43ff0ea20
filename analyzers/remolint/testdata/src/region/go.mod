module region

go 1.22
