x = 1
print("ok \N{NO SUCH NAME}")
