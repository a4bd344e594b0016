# TEST: def [ must be def [] or def []=
# EXIT: 2
# STDERR: def_index_unclosed.mt:6:10: expected ']' after '[' (the method '[]'), found '('
print("WRONG")
class C:
    def [(self, k):
        return 1
