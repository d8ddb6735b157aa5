"""Township stocktaking screens (盤點): the 推動課題 picker, the township panel and its status note."""
