module platform

go 1.22
