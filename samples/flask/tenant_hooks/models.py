from flask_sqlalchemy import SQLAlchemy

db = SQLAlchemy()


class Integration(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    token = db.Column(db.String(64), unique=True)
    last_event = db.Column(db.String(64))
