# TEST: nil equals only nil; true/false are not equal to 1/0 strings or nil
#> true false false
#> true true false
print(nil == nil, nil == 0, nil == false)
print(true == true, false != nil, "true" == true)
