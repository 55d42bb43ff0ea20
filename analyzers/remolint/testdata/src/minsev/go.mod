module minsev

go 1.22
