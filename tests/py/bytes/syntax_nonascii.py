print('start')
x = b'café'
