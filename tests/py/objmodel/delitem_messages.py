class S:
    def __len__(s): return 1
    def __getitem__(s,i): return 1
try: del S()[0]
except Exception as e: print(e)
try: del S()['a']
except Exception as e: print(e)
try: S()['a']=1
except Exception as e: print(e)
try: del iter([])[0]
except Exception as e: print(e)
try: del range(3)[0]
except Exception as e: print(e)
try: del range(3)['a']
except Exception as e: print(e)
try: range(3)['a'] = 1
except Exception as e: print(e)
try: del (1,2)[0]
except Exception as e: print(e)
try: del 'ab'[0]
except Exception as e: print(e)
