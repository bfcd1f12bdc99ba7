module modelwatch/gotemplateoracle

go 1.22
