ÿþ@app.post("/Ã(")
def í €():
    pass
