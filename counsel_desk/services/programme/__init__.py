"""The programme (計畫) as data, what its forms share, a center's yearly targets and the center → county split."""
